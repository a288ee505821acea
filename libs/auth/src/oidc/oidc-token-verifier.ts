import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { TokenVerifierUnavailableError } from '../auth.errors';
import type { Principal } from '../principal';
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from '../token-policy';
import type { TokenVerifier } from '../token-verifier';
import { verifyJwt } from '../verify-jwt';

/** Asymmetric algorithms only: with a symmetric one, anyone holding the public key could sign tokens. */
export const OIDC_ALGORITHMS = [
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA',
] as const;

export interface OidcVerifierConfig {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly tokens?: TokenPolicy;
}

const JWKS_TIMEOUT_MS = 5_000;

/**
 * Verifies tokens from the bank's OIDC provider against its published key set, which is cached and re-fetched
 * when a token names a key id not seen yet (at most every 30 s), so key rotation needs no restart.
 * A token without `kid` is only accepted while the set holds a single key of its type.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: OidcVerifierConfig) {
    const remote = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: JWKS_TIMEOUT_MS });
    this.keys = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new TokenVerifierUnavailableError('the issuer key set could not be fetched or used', { cause: error });
      }
    };
  }

  verify(token: string): Promise<Principal> {
    return verifyJwt(token, this.keys, {
      issuer: this.config.issuer,
      audience: this.config.audience,
      algorithms: OIDC_ALGORITHMS,
      maxLifetimeSeconds: (this.config.tokens ?? DEFAULT_TOKEN_POLICY).maxLifetimeSeconds,
    });
  }
}
