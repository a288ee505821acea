import type { DepartmentPolicies } from '@kluis/auth';
import { isIP } from 'node:net';
import { ConfigError } from './config-error';
import { readJsonFile } from './json-file';
import { positiveInteger } from './positive-integer';
import { WebhookSecret } from './webhook-secret';

/** Where a department's feed is pushed, and the secret its deliveries are signed with. */
export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: WebhookSecret;
}

export interface WebhookSettings {
  /** Attempts at one entry, the first included, before it is set aside as a dead letter. */
  readonly maxAttempts: number;
  /** The pause after the first failed attempt; it doubles after each further one, up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** How long one POST may take before it counts as failed. */
  readonly timeoutMs: number;
  /** How often an idle deliverer looks for new feed entries. */
  readonly pollMs: number;
}

export interface WebhookConfig extends WebhookSettings {
  /** By department; a department not listed reads its feed with GET /v1/feed only. */
  readonly endpoints: Readonly<Record<string, WebhookEndpoint>>;
}

/** Secrets shorter than this are too easy to guess for an HMAC key. */
export const MIN_SECRET_LENGTH = 32;

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * VAULT_WEBHOOKS_FILE names a JSON file `{ "<department>": { "url": "https://…", "secretEnv": "<VARIABLE>" } }`.
 * Secrets are read from the variables it names, never from the file, so the file can be shared and reviewed.
 * VAULT_WEBHOOK_MAX_ATTEMPTS, VAULT_WEBHOOK_BACKOFF_MS, VAULT_WEBHOOK_MAX_BACKOFF_MS, VAULT_WEBHOOK_TIMEOUT_MS and
 * VAULT_WEBHOOK_POLL_MS tune delivery for every department.
 */
export function loadWebhookConfig(env: NodeJS.ProcessEnv, departments: DepartmentPolicies): WebhookConfig {
  const settings: WebhookSettings = {
    maxAttempts: positiveInteger(env, 'VAULT_WEBHOOK_MAX_ATTEMPTS', 10),
    backoffMs: positiveInteger(env, 'VAULT_WEBHOOK_BACKOFF_MS', 1000),
    maxBackoffMs: positiveInteger(env, 'VAULT_WEBHOOK_MAX_BACKOFF_MS', 5 * 60_000),
    timeoutMs: positiveInteger(env, 'VAULT_WEBHOOK_TIMEOUT_MS', 10_000),
    pollMs: positiveInteger(env, 'VAULT_WEBHOOK_POLL_MS', 1000),
  };
  if (settings.maxBackoffMs < settings.backoffMs) throw new ConfigError('VAULT_WEBHOOK_MAX_BACKOFF_MS must be at least VAULT_WEBHOOK_BACKOFF_MS');
  const file = env.VAULT_WEBHOOKS_FILE;
  if (!file) return { ...settings, endpoints: {} };
  return { ...settings, endpoints: parseWebhookEndpoints(readJsonFile(file, 'VAULT_WEBHOOKS_FILE'), env, departments) };
}

/** Reads every department's endpoint, naming each problem by its path and each missing secret by its variable. */
export function parseWebhookEndpoints(input: unknown, env: NodeJS.ProcessEnv, departments: DepartmentPolicies): Record<string, WebhookEndpoint> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ConfigError('VAULT_WEBHOOKS_FILE: must be an object keyed by department');
  const problems: string[] = [];
  const endpoints: Record<string, WebhookEndpoint> = {};
  for (const [department, raw] of Object.entries(input)) {
    if (!Object.hasOwn(departments, department)) problems.push(`${department}: no such department`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${department}: must be an object with url and secretEnv`);
      continue;
    }
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (key !== 'url' && key !== 'secretEnv') problems.push(`${department}.${key}: unknown setting`);
    const url = endpointUrl(entry.url, `${department}.url`, problems);
    const secret = secretFrom(entry.secretEnv, env, `${department}.secretEnv`, problems);
    if (url && secret) endpoints[department] = { url, secret };
  }
  if (problems.length > 0) throw new ConfigError(`VAULT_WEBHOOKS_FILE: ${problems.join('; ')}`);
  return endpoints;
}

export function endpointUrl(value: unknown, path: string, problems: string[]): string | null {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    problems.push(`${path}: must be a URL`);
    return null;
  }
  if (url.username || url.password) problems.push(`${path}: must carry no credentials; deliveries are signed instead`);
  else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) problems.push(`${path}: must be https (plain http only on loopback)`);
  else return url.toString();
  return null;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}

export function secretFrom(value: unknown, env: NodeJS.ProcessEnv, path: string, problems: string[]): WebhookSecret | null {
  if (typeof value !== 'string' || !ENV_NAME.test(value)) {
    problems.push(`${path}: must name an environment variable (A-Z, 0-9 and _)`);
    return null;
  }
  const secret = env[value];
  if (!secret) {
    problems.push(`${path}: ${value} is not set`);
    return null;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    problems.push(`${path}: ${value} must be at least ${MIN_SECRET_LENGTH} characters`);
    return null;
  }
  return new WebhookSecret(secret);
}
