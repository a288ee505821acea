import type { Principal } from '../principal';
import { DEFAULT_TOKEN_POLICY } from '../token-policy';
import type { TokenVerifier } from '../token-verifier';
import { verifyJwt } from '../verify-jwt';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevSigningKey, type DevSigningKey } from './dev-signing-key';

/** Verifies tokens signed with the data directory's dev key (see mintDevToken). Never used in production. */
export class DevTokenVerifier implements TokenVerifier {
  private key?: Promise<DevSigningKey>;

  constructor(
    private readonly dataDir: string,
    private readonly maxLifetimeSeconds = DEFAULT_TOKEN_POLICY.maxLifetimeSeconds,
  ) {}

  /** Loads or creates the key now, so that an unusable data directory fails start-up instead of the first request. */
  async init(): Promise<void> {
    await this.signingKey();
  }

  async verify(token: string): Promise<Principal> {
    const { publicKey } = await this.signingKey();
    return verifyJwt(token, publicKey, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: [DEV_ALGORITHM], maxLifetimeSeconds: this.maxLifetimeSeconds });
  }

  private signingKey(): Promise<DevSigningKey> {
    this.key ??= loadOrCreateDevSigningKey(this.dataDir).catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}
