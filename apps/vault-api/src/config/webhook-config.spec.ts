import { DEFAULT_DEPARTMENT_POLICIES } from '@kluis/auth';
import { inspect } from 'node:util';
import { ConfigError } from './config-error';
import { loadWebhookConfig, parseWebhookEndpoints } from './webhook-config';

const secret = 's3cr3t-'.repeat(6);
const env = { VAULT_WEBHOOK_SECRET_MANDATES: secret, VAULT_WEBHOOK_SECRET_SHORT: 'too-short' };
const parse = (input: unknown) => parseWebhookEndpoints(input, env, DEFAULT_DEPARTMENT_POLICIES);
const refusal = (input: unknown): string => {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('webhook configuration', () => {
  it('reads each department endpoint, its secret from the variable it names', () => {
    const endpoints = parse({ mandates: { url: 'https://hooks.mandates.bank.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } });
    expect(Object.keys(endpoints)).toEqual(['mandates']);
    expect(endpoints.mandates.url).toBe('https://hooks.mandates.bank.example/kluis');
    expect(endpoints.mandates.secret.reveal()).toBe(secret);
  });

  it('never shows the secret when the configuration is logged or serialised', () => {
    const endpoints = parse({ mandates: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } });
    expect(JSON.stringify(endpoints)).not.toContain(secret);
    expect(inspect(endpoints, { depth: 5, showHidden: true })).not.toContain(secret);
    expect(String(endpoints.mandates.secret)).not.toContain(secret);
  });

  it('accepts plain http on loopback only, for tests', () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]:9000/hook']) {
      expect(parse({ mandates: { url, secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } }).mandates.url).toBe(url);
    }
    expect(refusal({ mandates: { url: 'http://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } })).toMatch(/mandates\.url: must be https/);
    expect(refusal({ mandates: { url: 'http://127.0.0.1.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } })).toMatch(/must be https/);
  });

  it('refuses to start on a missing or weak secret, naming the variable and never echoing a value', () => {
    const missing = refusal({ mandates: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MISSING' } });
    expect(missing).toBe('VAULT_WEBHOOKS_FILE: mandates.secretEnv: VAULT_WEBHOOK_SECRET_MISSING is not set');
    const weak = refusal({ mandates: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_SHORT' } });
    expect(weak).toMatch(/VAULT_WEBHOOK_SECRET_SHORT must be at least 32 characters/);
    expect(weak).not.toContain('too-short');
  });

  it('names every other problem by its path', () => {
    const message = refusal({
      mandate: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' },
      investments: { url: 'https://user:pass@hooks.example/kluis', secretEnv: 'lower case', retries: 3 },
      mortgages: 'https://hooks.example',
      payments: { url: 'not a url', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' },
    });
    expect(message).toContain('mandate: no such department');
    expect(message).toContain('investments.retries: unknown setting');
    expect(message).toContain('investments.url: must carry no credentials');
    expect(message).toContain('investments.secretEnv: must name an environment variable');
    expect(message).toContain('mortgages: must be an object');
    expect(message).toContain('payments.url: must be a URL');
    expect(message).not.toContain('pass@');
    expect(refusal([])).toMatch(/must be an object keyed by department/);
  });

  it('has delivery settings that tests and operators can tune, and refuses nonsense', () => {
    expect(loadWebhookConfig({}, DEFAULT_DEPARTMENT_POLICIES)).toEqual({ endpoints: {}, maxAttempts: 10, backoffMs: 1000, maxBackoffMs: 300_000, timeoutMs: 10_000, pollMs: 1000 });
    expect(loadWebhookConfig({ VAULT_WEBHOOK_MAX_ATTEMPTS: '3', VAULT_WEBHOOK_BACKOFF_MS: '5', VAULT_WEBHOOK_MAX_BACKOFF_MS: '20', VAULT_WEBHOOK_TIMEOUT_MS: '250', VAULT_WEBHOOK_POLL_MS: '10' }, DEFAULT_DEPARTMENT_POLICIES)).toEqual({
      endpoints: {},
      maxAttempts: 3,
      backoffMs: 5,
      maxBackoffMs: 20,
      timeoutMs: 250,
      pollMs: 10,
    });
    expect(() => loadWebhookConfig({ VAULT_WEBHOOK_MAX_ATTEMPTS: '0' }, DEFAULT_DEPARTMENT_POLICIES)).toThrow(/VAULT_WEBHOOK_MAX_ATTEMPTS must be a positive whole number/);
    expect(() => loadWebhookConfig({ VAULT_WEBHOOK_TIMEOUT_MS: 'soon' }, DEFAULT_DEPARTMENT_POLICIES)).toThrow(/VAULT_WEBHOOK_TIMEOUT_MS/);
    expect(() => loadWebhookConfig({ VAULT_WEBHOOK_BACKOFF_MS: '1000', VAULT_WEBHOOK_MAX_BACKOFF_MS: '10' }, DEFAULT_DEPARTMENT_POLICIES)).toThrow(/VAULT_WEBHOOK_MAX_BACKOFF_MS/);
  });
});
