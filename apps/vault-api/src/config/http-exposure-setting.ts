import { oneOf } from './one-of';

const VARIABLE = 'VAULT_OPS_ENDPOINTS';
const CHOICES = ['public', 'hidden'] as const;

/** How the vault shows itself over HTTP: whether it is production, and who may read /docs and /metrics. */
export interface HttpExposure {
  readonly production: boolean;
  readonly opsEndpoints: (typeof CHOICES)[number];
}

/**
 * Reads VAULT_OPS_ENDPOINTS. The API description and the metrics tell an attacker what runs and how busy it is, so
 * in production they are hidden unless an operator says otherwise (for a scraper on a private network).
 */
export function httpExposureSetting(env: NodeJS.ProcessEnv, production: boolean): HttpExposure {
  return { production, opsEndpoints: oneOf(env, VARIABLE, CHOICES, production ? 'hidden' : 'public') };
}
