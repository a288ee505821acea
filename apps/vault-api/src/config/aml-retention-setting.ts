import { DEFAULT_AML_RETENTION_YEARS } from '@kluis/document-domain';
import { ConfigError } from './config-error';
import { isProduction } from './deployment-mode';

/**
 * Years a customer's records are kept after the relationship ends. The Wwft (article 33) asks for five: production
 * may keep them longer, never shorter; tests and demos may shorten the period.
 */
export function amlRetentionYears(env: NodeJS.ProcessEnv): number {
  const raw = env.VAULT_AML_RETENTION_YEARS;
  if (raw === undefined || raw === '') return DEFAULT_AML_RETENTION_YEARS;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw new ConfigError('VAULT_AML_RETENTION_YEARS must be a whole number of years from 1 to 100');
  const years = Number(raw);
  if (isProduction(env) && years < DEFAULT_AML_RETENTION_YEARS) {
    throw new ConfigError(`VAULT_AML_RETENTION_YEARS must be at least ${DEFAULT_AML_RETENTION_YEARS} in production: the Wwft (article 33) keeps records five years after the relationship ends`);
  }
  return years;
}
