import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

/** The dev verifier's expectations: a token is valid only when it meets every one of them. */
const ISSUER = 'kluis-dev';
const AUDIENCE = 'kluis';
const ALGORITHM = 'ES256';

const customerClaims = (sub: string) => ({ sub, roles: ['customer'] });
const now = () => Math.floor(Date.now() / 1000);

/** The vault's own dev key, read from the data directory as `npm run token` does, to sign tokens that are wrong in one way only. */
async function vaultKey(dataDir: string) {
  const file = JSON.parse(await readFile(join(dataDir, 'dev-signing-key.json'), 'utf8')) as { privateJwk: JWK };
  return importJWK(file.privateJwk, ALGORITHM);
}

/** Tokens that name a real customer but must all be refused with 401. */
export async function hostileTokens(dataDir: string, sub: string): Promise<Record<'expired' | 'foreignKey' | 'wrongIssuer' | 'algNone', string>> {
  const key = await vaultKey(dataDir);
  const { privateKey: strangerKey } = await generateKeyPair(ALGORITHM);
  const signed = (issuer: string, expiresAt: number) =>
    new SignJWT(customerClaims(sub))
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt(expiresAt - 3600)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID());
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    // Expired an hour ago: far past any clock tolerance.
    expired: await signed(ISSUER, now() - 3600).sign(key),
    // The right issuer and claims, signed by a key the vault never trusted.
    foreignKey: await signed(ISSUER, now() + 3600).sign(strangerKey),
    // The vault's own key, but another issuer: a token minted for some other system.
    wrongIssuer: await signed('https://issuer.invalid', now() + 3600).sign(key),
    algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...customerClaims(sub), iss: ISSUER, aud: AUDIENCE, exp: now() + 3600 })}.`,
  };
}

/** A customer token the vault's own key signs, issued and expiring when asked (unix seconds); no `iat` when undefined. */
export async function vaultSignedToken(dataDir: string, sub: string, times: { issuedAt: number | undefined; expiresAt: number }): Promise<string> {
  const token = new SignJWT(customerClaims(sub))
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(times.expiresAt)
    .setJti(randomUUID());
  if (times.issuedAt !== undefined) token.setIssuedAt(times.issuedAt);
  return token.sign(await vaultKey(dataDir));
}
