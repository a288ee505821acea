import { AuthConfigError } from './auth.errors';
import { loadAuthConfig } from './auth.config';
import { DEFAULT_TOKEN_POLICY } from './token-policy';

const DATA_DIR = 'data';
const OIDC = { VAULT_OIDC_ISSUER: 'https://login.bank.example/realms/staff', VAULT_JWKS_URL: 'https://login.bank.example/jwks' };

const PRODUCTION = true;
const configError = (env: NodeJS.ProcessEnv, production = false, dataDir = DATA_DIR): AuthConfigError => {
  try {
    loadAuthConfig(env, dataDir, production);
  } catch (error) {
    if (error instanceof AuthConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('auth configuration', () => {
  it('defaults to dev mode outside production', () => {
    expect(loadAuthConfig({}, DATA_DIR, false)).toEqual({ mode: 'dev', dataDir: DATA_DIR, tokens: DEFAULT_TOKEN_POLICY });
  });

  it('defaults to oidc in production, and then needs the issuer', () => {
    const error = configError({}, PRODUCTION);
    expect(error.variable).toBe('VAULT_OIDC_ISSUER');
    expect(error.message).toContain('VAULT_OIDC_ISSUER');
    expect(loadAuthConfig(OIDC, DATA_DIR, PRODUCTION).mode).toBe('oidc');
  });

  it.each(['dev', ' DEV '])('refuses dev mode in production (VAULT_AUTH_MODE=%s)', (VAULT_AUTH_MODE) => {
    const error = configError({ VAULT_AUTH_MODE, ...OIDC }, PRODUCTION);
    expect(error.variable).toBe('VAULT_AUTH_MODE');
    expect(error.message).toMatch(/production/);
  });

  it('reads a complete oidc configuration, with the default audience', () => {
    expect(loadAuthConfig({ VAULT_AUTH_MODE: 'oidc', ...OIDC }, DATA_DIR, false)).toEqual({
      mode: 'oidc',
      issuer: OIDC.VAULT_OIDC_ISSUER,
      jwksUrl: OIDC.VAULT_JWKS_URL,
      audience: 'kluis',
      tokens: DEFAULT_TOKEN_POLICY,
    });
  });

  it('reads the token policy: 12 hours and 300 refused tokens a minute unless told otherwise', () => {
    expect(DEFAULT_TOKEN_POLICY).toEqual({ maxLifetimeSeconds: 12 * 3600, failuresPerMinute: 300 });
    expect(loadAuthConfig({ VAULT_TOKEN_MAX_HOURS: '1', VAULT_AUTH_FAILURES_PER_MINUTE: '20' }, DATA_DIR, false).tokens).toEqual({
      maxLifetimeSeconds: 3600,
      failuresPerMinute: 20,
    });
    expect(configError({ VAULT_TOKEN_MAX_HOURS: '0' }).variable).toBe('VAULT_TOKEN_MAX_HOURS');
    expect(configError({ VAULT_AUTH_FAILURES_PER_MINUTE: 'many' }).variable).toBe('VAULT_AUTH_FAILURES_PER_MINUTE');
  });

  it('takes the audience from VAULT_OIDC_AUDIENCE', () => {
    expect(loadAuthConfig({ VAULT_AUTH_MODE: 'oidc', VAULT_OIDC_AUDIENCE: 'vault-api', ...OIDC }, DATA_DIR, false)).toMatchObject({
      audience: 'vault-api',
    });
  });

  it('names the missing variable', () => {
    expect(configError({ VAULT_AUTH_MODE: 'oidc', VAULT_OIDC_ISSUER: OIDC.VAULT_OIDC_ISSUER }).variable).toBe(
      'VAULT_JWKS_URL',
    );
    expect(configError({ VAULT_AUTH_MODE: 'oidc', VAULT_JWKS_URL: OIDC.VAULT_JWKS_URL, VAULT_OIDC_ISSUER: '  ' }).variable).toBe(
      'VAULT_OIDC_ISSUER',
    );
  });

  it.each(['http://login.bank.example/jwks', 'ftp://login.bank.example/jwks', 'login.bank.example/jwks', 'not a url'])(
    'refuses the key set URL %s',
    (VAULT_JWKS_URL) => {
      const error = configError({ VAULT_AUTH_MODE: 'oidc', ...OIDC, VAULT_JWKS_URL });
      expect(error.variable).toBe('VAULT_JWKS_URL');
    },
  );

  it.each(['http://127.0.0.1:8080/jwks', 'http://localhost:8080/jwks', 'http://[::1]:8080/jwks'])(
    'allows plain http for the loopback key set URL %s',
    (VAULT_JWKS_URL) => {
      expect(loadAuthConfig({ VAULT_AUTH_MODE: 'oidc', ...OIDC, VAULT_JWKS_URL }, DATA_DIR, false)).toMatchObject({
        jwksUrl: VAULT_JWKS_URL,
      });
    },
  );

  it('refuses an unknown mode, naming the variable', () => {
    expect(configError({ VAULT_AUTH_MODE: 'none' }).variable).toBe('VAULT_AUTH_MODE');
  });

  it('treats an empty VAULT_AUTH_MODE as unset', () => {
    expect(loadAuthConfig({ VAULT_AUTH_MODE: '' }, DATA_DIR, false).mode).toBe('dev');
    expect(configError({ VAULT_AUTH_MODE: '' }, PRODUCTION).variable).toBe('VAULT_OIDC_ISSUER');
  });

  it('needs a data directory in dev mode', () => {
    expect(configError({}, false, ' ').variable).toBe('VAULT_DATA_DIR');
  });
});
