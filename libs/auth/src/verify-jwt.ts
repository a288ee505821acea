import { errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions, type KeyLike } from 'jose';
import { InvalidClaimsError, InvalidTokenError, TokenVerifierUnavailableError } from './auth.errors';
import { principalFromClaims, type Principal } from './principal';
import { CLOCK_TOLERANCE_SECONDS } from './token-verifier';

export interface JwtExpectations {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly maxLifetimeSeconds: number;
}

/** A token meant to outlive the policy is refused even while young: whoever issued it ignored the bank's rules. */
function refuseLongLived(claims: Readonly<Record<string, unknown>>, maxLifetimeSeconds: number): void {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > maxLifetimeSeconds) {
    throw new InvalidTokenError('ERR_JWT_LIFETIME_TOO_LONG');
  }
}

/**
 * Verifies signature, algorithm, issuer, audience and lifetime (issued in the past, expiring no later than the
 * policy allows after that), then the claims. Every failure that comes from the
 * token becomes an InvalidTokenError carrying only a reason code: jose's own errors hold the decoded claims, which
 * must not reach the logs.
 */
export async function verifyJwt(
  token: string,
  key: KeyLike | JWTVerifyGetKey,
  expected: JwtExpectations,
): Promise<Principal> {
  const options: JWTVerifyOptions = {
    issuer: expected.issuer,
    audience: expected.audience,
    algorithms: [...expected.algorithms],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'iat', 'sub'],
    // Also refuses an `iat` in the future, beyond the clock tolerance.
    maxTokenAge: expected.maxLifetimeSeconds,
  };
  let claims: Readonly<Record<string, unknown>>;
  try {
    // jose has one overload per key kind; the union is handled identically inside.
    const { payload } =
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    claims = payload;
  } catch (error) {
    if (error instanceof TokenVerifierUnavailableError) throw error;
    throw new InvalidTokenError(error instanceof errors.JOSEError ? error.code : 'ERR_MALFORMED_TOKEN');
  }
  refuseLongLived(claims, expected.maxLifetimeSeconds);
  try {
    return principalFromClaims(claims);
  } catch (error) {
    if (error instanceof InvalidClaimsError) throw new InvalidTokenError(`ERR_INVALID_CLAIM_${error.claim.toUpperCase()}`);
    throw error;
  }
}
