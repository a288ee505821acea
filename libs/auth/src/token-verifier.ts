import type { Principal } from './principal';

/**
 * Turns a bearer token into the principal it vouches for.
 * Throws InvalidTokenError for any token that must be refused (401), and TokenVerifierUnavailableError when it
 * cannot decide because the issuer's keys are out of reach (503).
 */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** Tolerated clock skew between the issuer and us when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 30;
