import { authorizationUrl, discoveryUrl, OidcError, readCallback, readDiscovery, readTokenResponse, tokenRequestBody } from './oidc-flow';
import { unsignedJwt } from './unsigned-jwt.fixture';

describe('the authorization code flow', () => {
  const issuer = 'https://login.bank.example/realms/customers';
  const pending = {
    state: 'state-1',
    nonce: 'nonce-1',
    codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    tokenEndpoint: `${issuer}/token`,
    redirectUri: 'https://kluis.bank.example/auth/callback',
    clientId: 'kluis-web',
  };

  it('reads the endpoints from discovery, only for the configured issuer and only over https', () => {
    expect(discoveryUrl(`${issuer}/`)).toBe(`${issuer}/.well-known/openid-configuration`);
    const document = { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` };
    expect(readDiscovery(document, issuer)).toEqual({ authorizationEndpoint: `${issuer}/auth`, tokenEndpoint: `${issuer}/token` });
    expect(() => readDiscovery({ ...document, issuer: 'https://evil.example' }, issuer)).toThrow(OidcError);
    expect(() => readDiscovery({ ...document, token_endpoint: 'http://login.bank.example/token' }, issuer)).toThrow(/https/);
  });

  it('asks for a code with the S256 challenge, the state and the nonce', () => {
    const url = new URL(
      authorizationUrl(`${issuer}/auth?kc_idp_hint=bank`, { ...pending, codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', audience: 'kluis' }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc_idp_hint: 'bank',
      response_type: 'code',
      client_id: 'kluis-web',
      redirect_uri: 'https://kluis.bank.example/auth/callback',
      scope: 'openid profile',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      audience: 'kluis',
    });
  });

  it('takes the code only from a redirect that carries the state it sent', () => {
    expect(readCallback('?code=abc&state=state-1', pending)).toEqual({ code: 'abc', pending });
    expect(() => readCallback('?code=abc&state=forged', pending)).toThrow(expect.objectContaining({ code: 'state' }));
    expect(() => readCallback('?code=abc&state=state-1', null)).toThrow(expect.objectContaining({ code: 'state' }));
    expect(() => readCallback('?error=access_denied&error_description=Cancelled&state=state-1', pending)).toThrow('Cancelled');
  });

  it('exchanges the code with the verifier', () => {
    expect(Object.fromEntries(new URLSearchParams(tokenRequestBody('abc', pending)))).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: pending.redirectUri,
      client_id: 'kluis-web',
      code_verifier: pending.codeVerifier,
    });
  });

  it('accepts the access token only when the ID token carries this sign-in’s nonce', () => {
    expect(readTokenResponse({ access_token: 'at', id_token: unsignedJwt({ nonce: 'nonce-1' }) }, pending)).toBe('at');
    expect(() => readTokenResponse({ access_token: 'at', id_token: unsignedJwt({ nonce: 'other' }) }, pending)).toThrow(OidcError);
    expect(() => readTokenResponse({ token_type: 'Bearer' }, pending)).toThrow(OidcError);
  });
});
