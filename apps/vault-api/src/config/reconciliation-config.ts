import { ConfigError } from './config-error';
import { onOff } from './on-off';

export interface ReconciliationConfig {
  /** How often the running vault reconciles; null when this instance never does. */
  readonly intervalMs: number | null;
  readonly orphanGraceMs: number;
  /** Whether scheduled runs read and hash every blob. */
  readonly deep: boolean;
}

const HOUR = 60 * 60 * 1000;

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number, allowOff: boolean): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (allowOff && raw === 'off') return null;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || (allowOff && Number(raw) === 0)) {
    throw new ConfigError(`${name} must be a whole number of milliseconds${allowOff ? ' above 0, or off' : ''}`);
  }
  return Number(raw);
}

/**
 * VAULT_RECONCILE_INTERVAL_MS (default 1 hour, or `off`), VAULT_RECONCILE_ORPHAN_GRACE_MS (default 24 hours) and
 * VAULT_RECONCILE_DEEP (`on` or `off`, default off).
 */
export function loadReconciliationConfig(env: NodeJS.ProcessEnv): ReconciliationConfig {
  return {
    intervalMs: milliseconds(env, 'VAULT_RECONCILE_INTERVAL_MS', HOUR, true),
    orphanGraceMs: milliseconds(env, 'VAULT_RECONCILE_ORPHAN_GRACE_MS', 24 * HOUR, false) ?? 24 * HOUR,
    deep: onOff(env, 'VAULT_RECONCILE_DEEP', false),
  };
}
