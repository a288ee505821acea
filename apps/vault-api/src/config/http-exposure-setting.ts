import { ConfigError } from './config-error';

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
  const raw = env[VARIABLE];
  if (raw === undefined || raw === '') return { production, opsEndpoints: production ? 'hidden' : 'public' };
  const choice = CHOICES.find((candidate) => candidate === raw);
  if (!choice) throw new ConfigError(`${VARIABLE} must be one of ${CHOICES.join(', ')}`);
  return { production, opsEndpoints: choice };
}
