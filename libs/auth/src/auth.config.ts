import { AuthConfigError } from './auth.errors';
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from './token-policy';

export interface DevAuthConfig {
  readonly mode: 'dev';
  readonly dataDir: string;
  /** DEFAULT_TOKEN_POLICY when absent. */
  readonly tokens?: TokenPolicy;
}

export interface OidcAuthConfig {
  readonly mode: 'oidc';
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly tokens?: TokenPolicy;
}

export type AuthConfig = DevAuthConfig | OidcAuthConfig;

export const DEFAULT_OIDC_AUDIENCE = 'kluis';

const MODES = ['dev', 'oidc'] as const;
type AuthMode = (typeof MODES)[number];

/**
 * Reads VAULT_AUTH_MODE (`dev` or `oidc`), VAULT_OIDC_ISSUER, VAULT_JWKS_URL and VAULT_OIDC_AUDIENCE.
 * Dev mode is the default only outside production, and refused in production: its signing key lies in the data
 * directory, so anyone who can read that directory could become any principal. Whether this is production is the
 * vault's configuration's decision, made once from NODE_ENV.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): AuthConfig {
  const mode = readMode(env, production);
  if (mode === 'dev') {
    if (production) {
      throw new AuthConfigError(
        'VAULT_AUTH_MODE',
        'VAULT_AUTH_MODE=dev is refused when NODE_ENV=production; configure VAULT_AUTH_MODE=oidc',
      );
    }
    if (dataDir.trim() === '') throw new AuthConfigError('VAULT_DATA_DIR', 'dev auth mode needs a data directory for its key');
    return { mode, dataDir, tokens: tokenPolicy(env) };
  }
  return {
    mode,
    tokens: tokenPolicy(env),
    issuer: required(env, 'VAULT_OIDC_ISSUER'),
    jwksUrl: jwksUrl(required(env, 'VAULT_JWKS_URL')),
    audience: read(env, 'VAULT_OIDC_AUDIENCE') ?? DEFAULT_OIDC_AUDIENCE,
  };
}

/** VAULT_TOKEN_MAX_HOURS and VAULT_AUTH_FAILURES_PER_MINUTE. */
function tokenPolicy(env: NodeJS.ProcessEnv): TokenPolicy {
  const maxHours = positive(env, 'VAULT_TOKEN_MAX_HOURS', DEFAULT_TOKEN_POLICY.maxLifetimeSeconds / 3600);
  return {
    maxLifetimeSeconds: maxHours * 3600,
    failuresPerMinute: positive(env, 'VAULT_AUTH_FAILURES_PER_MINUTE', DEFAULT_TOKEN_POLICY.failuresPerMinute),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new AuthConfigError(name, `${name} must be a positive whole number`);
  return Number(value);
}

function readMode(env: NodeJS.ProcessEnv, production: boolean): AuthMode {
  const value = read(env, 'VAULT_AUTH_MODE')?.toLowerCase();
  if (value === undefined) return production ? 'oidc' : 'dev';
  const mode = MODES.find((candidate) => candidate === value);
  if (!mode) throw new AuthConfigError('VAULT_AUTH_MODE', `VAULT_AUTH_MODE must be one of ${MODES.join(', ')}`);
  return mode;
}

// The key set decides which tokens are genuine, so it is only fetched over TLS, except from this machine.
function jwksUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigError('VAULT_JWKS_URL', 'VAULT_JWKS_URL must be an absolute URL');
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url.href;
  throw new AuthConfigError('VAULT_JWKS_URL', 'VAULT_JWKS_URL must use https (http only for a loopback host)');
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = read(env, name);
  if (value === undefined) throw new AuthConfigError(name, `${name} is required when VAULT_AUTH_MODE=oidc`);
  return value;
}

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}
