import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type KeyLike } from 'jose';
import { InvalidTokenError, TokenVerifierUnavailableError } from '../auth.errors';
import { OidcTokenVerifier } from './oidc-token-verifier';

const ISSUER = 'https://login.bank.example/realms/staff';
const AUDIENCE = 'kluis';
const now = (): number => Math.floor(Date.now() / 1000);

interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function signingKey(alg: string, kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

async function serve(status: number, body: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks` };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

describe('OIDC token verifier', () => {
  let rsa: SigningKey;
  let ec: SigningKey;
  let jwks: { server: Server; url: string };
  let verifier: OidcTokenVerifier;

  beforeAll(async () => {
    rsa = await signingKey('RS256');
    ec = await signingKey('ES256');
    jwks = await serve(200, JSON.stringify({ keys: [rsa.publicJwk, ec.publicJwk] }));
    verifier = new OidcTokenVerifier({ issuer: ISSUER, jwksUrl: jwks.url, audience: AUDIENCE });
  });

  afterAll(async () => {
    await stop(jwks.server);
  });

  const sign = (
    key: SigningKey,
    claims: Record<string, unknown> = { sub: randomUUID(), roles: ['reviewer'] },
    { issuer = ISSUER, audience = AUDIENCE, expiresAt = now() + 600 } = {},
  ): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(key.privateKey);

  const refusal = async (token: string): Promise<InvalidTokenError> => {
    const error: unknown = await verifier.verify(token).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof InvalidTokenError)) throw new Error(`expected an InvalidTokenError, got ${String(error)}`);
    expect(error.message).not.toContain(token);
    return error;
  };

  it('accepts a token signed by a key of the set, RSA or EC', async () => {
    const sub = randomUUID();
    const claims = { sub, roles: ['department'], department: 'investments', scope: 'openid evidence:read' };

    for (const key of [rsa, ec]) {
      await expect(verifier.verify(await sign(key, claims))).resolves.toEqual({
        sub,
        roles: ['department'],
        department: 'investments',
        scopes: ['evidence:read'],
      });
    }
  });

  it('refuses a token from a key that is not in the set', async () => {
    const stranger = await signingKey('RS256');

    expect((await refusal(await sign(stranger))).reason).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('refuses a token from another key claiming the id of a key in the set', async () => {
    const impostor = await signingKey('RS256', rsa.kid);

    expect((await refusal(await sign(impostor))).reason).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it.each([
    ['issuer', { issuer: 'https://login.bank.example/realms/customers' }],
    ['audience', { audience: 'another-app' }],
  ])('refuses a token with the wrong %s', async (_label, overrides) => {
    expect((await refusal(await sign(rsa, undefined, overrides))).reason).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses an expired token', async () => {
    expect((await refusal(await sign(ec, undefined, { expiresAt: now() - 120 }))).reason).toBe('ERR_JWT_EXPIRED');
  });

  it('refuses symmetric and unsigned tokens', async () => {
    const hs256 = await new SignJWT({ sub: 'a-1', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now() + 600)
      .sign(Buffer.from(JSON.stringify(rsa.publicJwk)));
    const unsigned = new UnsecuredJWT({ sub: 'a-1', roles: ['admin'] })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now() + 600)
      .encode();

    expect((await refusal(hs256)).reason).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect((await refusal(unsigned)).reason).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('reports an issuer whose key set answers with an error as unavailable, not as a bad token', async () => {
    const broken = await serve(500, '{}');
    try {
      const unavailable = new OidcTokenVerifier({ issuer: ISSUER, jwksUrl: broken.url, audience: AUDIENCE });
      await expect(unavailable.verify(await sign(rsa))).rejects.toBeInstanceOf(TokenVerifierUnavailableError);
    } finally {
      await stop(broken.server);
    }
  });

  it('reports an unreachable key set as unavailable', async () => {
    const gone = await serve(200, '{"keys":[]}');
    await stop(gone.server);
    const unavailable = new OidcTokenVerifier({ issuer: ISSUER, jwksUrl: gone.url, audience: AUDIENCE });

    await expect(unavailable.verify(await sign(rsa))).rejects.toBeInstanceOf(TokenVerifierUnavailableError);
  });
});
