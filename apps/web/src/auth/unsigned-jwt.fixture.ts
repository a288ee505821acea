import { base64Url } from './pkce';

/** A JWT-shaped token with the claims given and no signature: the UI reads claims, the vault verifies. */
export const unsignedJwt = (claims: Record<string, unknown>) =>
  `${base64Url(new TextEncoder().encode('{"alg":"none"}'))}.${base64Url(new TextEncoder().encode(JSON.stringify(claims)))}.`;
