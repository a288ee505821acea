/** RFC 7636 helpers for the authorization code flow with PKCE. Uses Web Crypto, which browsers and Node share. */

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 URL-safe characters: a code verifier (RFC 7636 §4.1), or an unguessable state or nonce. */
export function randomUrlSafe(byteCount = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** S256 code challenge (RFC 7636 §4.2): BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  if (!VERIFIER.test(verifier)) throw new RangeError('a code verifier is 43 to 128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
