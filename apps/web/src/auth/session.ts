import { jwtPayload } from './oidc-flow';

export type Role = 'customer' | 'reviewer' | 'department' | 'admin';

export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly department: string | null;
  /** Milliseconds since the epoch; the session ends then. */
  readonly expiresAt: number;
}

const ROLES: readonly Role[] = ['customer', 'reviewer', 'department', 'admin'];

/** Who a bearer token says the user is, or null when it cannot be read or has run out. */
export function sessionFromToken(token: string, now: number): Session | null {
  const claims = jwtPayload(token);
  if (!claims || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
  const expiresAt = claims.exp * 1000;
  if (expiresAt <= now) return null;
  const roles = Array.isArray(claims.roles) ? ROLES.filter((role) => (claims.roles as unknown[]).includes(role)) : [];
  const department = typeof claims.department === 'string' ? claims.department : null;
  return { token, sub: claims.sub, roles, department, expiresAt };
}

/** The screen a user starts on: their own documents, the review desk, or the department desk. */
export function homePath(session: Session): string {
  if (session.roles.includes('reviewer')) return '/review';
  if (session.roles.includes('customer')) return '/my-documents';
  if (session.roles.includes('department')) return '/department';
  return '/signed-in';
}
