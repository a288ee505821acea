/**
 * The steps of OpenID Connect's authorization code flow with PKCE that need no browser: reading the issuer's
 * discovery document, building the authorization URL, checking the redirect back, and the code exchange.
 */

export interface OidcEndpoints {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
}

export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly tokenEndpoint: string;
  readonly redirectUri: string;
  readonly clientId: string;
}

export class OidcError extends Error {
  constructor(readonly code: 'discovery' | 'state' | 'denied' | 'token', message: string) {
    super(message);
    this.name = 'OidcError';
  }
}

export const discoveryUrl = (issuer: string) => `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/** OpenID Connect Discovery §4.3: the document must name the very issuer it was fetched for. */
export function readDiscovery(document: unknown, issuer: string): OidcEndpoints {
  const fields = (document ?? {}) as Record<string, unknown>;
  if (fields.issuer !== issuer) throw new OidcError('discovery', `the discovery document is for ${String(fields.issuer)}, not ${issuer}`);
  return { authorizationEndpoint: secureUrl(fields.authorization_endpoint), tokenEndpoint: secureUrl(fields.token_endpoint) };
}

function secureUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new OidcError('discovery', `the discovery document names an invalid endpoint: ${String(value)}`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new OidcError('discovery', `an OIDC endpoint must use https: ${url.href}`);
  }
  return url.href;
}

export function authorizationUrl(
  endpoint: string,
  request: { clientId: string; redirectUri: string; state: string; nonce: string; codeChallenge: string; audience: string },
): string {
  const url = new URL(endpoint);
  const params = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: 'openid profile',
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    // Some providers only put the API's audience into the access token when asked; the others ignore it.
    audience: request.audience,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** The redirect back from the issuer: its code, once its state proves it answers the request this browser made. */
export function readCallback<P extends Pick<PendingSignIn, 'state'>>(search: string, pending: P | null): { code: string; pending: P } {
  const params = new URLSearchParams(search);
  if (!pending || params.get('state') !== pending.state) throw new OidcError('state', 'this sign-in was not started here, or it was started twice');
  const error = params.get('error');
  if (error) throw new OidcError('denied', params.get('error_description') ?? error);
  const code = params.get('code');
  if (!code) throw new OidcError('denied', 'the issuer sent no authorization code');
  return { code, pending };
}

export function tokenRequestBody(code: string, pending: PendingSignIn): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.codeVerifier,
  }).toString();
}

/** The access token is what the vault verifies; the ID token's nonce ties the answer to this sign-in. */
export function readTokenResponse(body: unknown, pending: Pick<PendingSignIn, 'nonce'>): string {
  const fields = (body ?? {}) as Record<string, unknown>;
  if (typeof fields.access_token !== 'string' || fields.access_token === '') throw new OidcError('token', 'the issuer sent no access token');
  if (typeof fields.id_token === 'string' && jwtPayload(fields.id_token)?.nonce !== pending.nonce) {
    throw new OidcError('token', 'the ID token was not issued for this sign-in');
  }
  return fields.access_token;
}

/** The claims of a JWT, unverified: the vault verifies every token it is sent; the browser only reads who it is. */
export function jwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (character) => character.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
