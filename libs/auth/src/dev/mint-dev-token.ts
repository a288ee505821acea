import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { InvalidClaimsError } from '../auth.errors';
import { isRole, isScope, principalFromClaims, type Role, type Scope } from '../principal';
import { DEFAULT_TOKEN_POLICY } from '../token-policy';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevSigningKey } from './dev-signing-key';

export interface DevTokenOptions {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly department?: string;
  readonly scopes?: readonly Scope[];
  /** `30s`, `15m`, `8h` or `7d`. */
  readonly expiresIn?: string;
  /** Signed as a verified address, as an identity provider does for an address it checked. */
  readonly email?: string;
}

export const DEFAULT_DEV_TOKEN_LIFETIME = '1h';

const LIFETIME_PATTERN = /^([1-9]\d{0,6})([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/**
 * Signs a token the DevTokenVerifier of the same data directory accepts. Refuses options it would refuse, a
 * lifetime past the verifier's maximum among them.
 */
export async function mintDevToken(dataDir: string, options: DevTokenOptions, maxLifetimeSeconds = DEFAULT_TOKEN_POLICY.maxLifetimeSeconds): Promise<string> {
  const claims = devTokenClaims(options);
  const lifetime = tokenLifetimeSeconds(options.expiresIn ?? DEFAULT_DEV_TOKEN_LIFETIME, maxLifetimeSeconds);
  const key = await loadOrCreateDevSigningKey(dataDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/**
 * The claims for the options, checked by the same rules the verifier applies, plus the ones a person typing a
 * command needs: no unknown role or scope, and no department for a principal without the department role.
 */
export function devTokenClaims(options: DevTokenOptions): Record<string, unknown> {
  const roles = [...new Set(options.roles)];
  const scopes = [...new Set(options.scopes ?? [])];
  if (!roles.every(isRole)) throw new InvalidClaimsError('roles', 'contains an unknown role');
  if (!scopes.every(isScope)) throw new InvalidClaimsError('scope', 'contains an unknown scope');
  const claims: Record<string, unknown> = { sub: options.sub, roles };
  if (options.department !== undefined) claims['department'] = options.department;
  if (scopes.length > 0) claims['scope'] = scopes.join(' ');
  if (options.email !== undefined) Object.assign(claims, { email: options.email, email_verified: true });

  const principal = principalFromClaims(claims);
  if (options.email !== undefined && principal.email === undefined) throw new InvalidClaimsError('email', 'must be an email address');
  if (options.department !== undefined && principal.department === undefined) {
    throw new InvalidClaimsError('department', 'is only for the department role');
  }
  return claims;
}

export function tokenLifetimeSeconds(expiresIn: string, maxLifetimeSeconds = DEFAULT_TOKEN_POLICY.maxLifetimeSeconds): number {
  const match = LIFETIME_PATTERN.exec(expiresIn);
  if (!match) throw new InvalidClaimsError('exp', 'must be a whole number of s, m, h or d, like 8h');
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
  // The verifier refuses longer-lived tokens, so minting one would only hand out a token that never works.
  if (seconds > maxLifetimeSeconds) throw new InvalidClaimsError('exp', `must be at most ${maxLifetimeSeconds / 3600}h`);
  return seconds;
}
