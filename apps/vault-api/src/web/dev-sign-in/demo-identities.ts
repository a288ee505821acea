import type { DevTokenOptions } from '@kluis/auth';

export interface DemoIdentity extends DevTokenOptions {
  /** What the sign-in page sends back to pick it. */
  readonly id: string;
}

/** The only principals the dev sign-in page can become: enough to walk through the whole story, nothing more. */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { id: 'customer', sub: 'C-1001', roles: ['customer'] },
  { id: 'anna', sub: 'anna', roles: ['reviewer'] },
  { id: 'bram', sub: 'bram', roles: ['reviewer'] },
  {
    id: 'mandates',
    sub: 'mandates-desk',
    roles: ['department'],
    department: 'mandates',
    scopes: ['evidence:read', 'content:read', 'references:write', 'requests:write'],
  },
];

export const DEMO_IDENTITY_IDS = DEMO_IDENTITIES.map((identity) => identity.id);

/** A working day, so a demo is not interrupted by an expired token. */
export const DEMO_TOKEN_LIFETIME = '8h';
