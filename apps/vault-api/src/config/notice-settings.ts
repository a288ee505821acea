import { join } from 'node:path';
import { ConfigError } from './config-error';
import { isProduction } from './deployment-mode';
import { positiveInteger } from './positive-integer';
import { endpointUrl, secretFrom, type WebhookEndpoint } from './webhook-config';

/** How notices reach the customer besides their inbox. */
export type NoticeMail =
  /** Over SMTP; the URL may carry credentials, so it is never logged. */
  | { readonly kind: 'smtp'; readonly url: string }
  /** Dev mode without SMTP: each mail is written as an .eml file a newcomer can open. */
  | { readonly kind: 'folder'; readonly folder: string }
  /** Posted, signed as department webhooks are, to the bank's own messaging platform, which reaches the customer. */
  | ({ readonly kind: 'webhook' } & WebhookEndpoint)
  /** Production without SMTP: notices stay in the inbox, and /health says mail is off. */
  | { readonly kind: 'off' };

export interface NoticeSettings {
  readonly mail: NoticeMail;
  readonly from: string;
  /** Where the link in every mail leads: the vault's sign-in page as customers reach it. */
  readonly signInUrl: string;
  /** Attempts at one mail, the first included, before it is recorded as undelivered. */
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** How often the outbox is looked at. */
  readonly pollMs: number;
  /** How many days before an ask's due date the customer is reminded, and how often that is looked for. */
  readonly reminderDays: number;
  readonly reminderSweepMs: number;
}

/** Reads VAULT_SMTP_URL or VAULT_NOTICE_WEBHOOK_URL, VAULT_NOTICE_FROM, VAULT_PUBLIC_URL and the VAULT_NOTICE_* tuning. */
export function noticeSettings(env: NodeJS.ProcessEnv, dataDir: string, port: number): NoticeSettings {
  const production = isProduction(env);
  const mail = noticeMail(env, dataDir, production);
  const settings: NoticeSettings = {
    mail,
    from: env.VAULT_NOTICE_FROM || 'Kluis <no-reply@kluis.localhost>',
    signInUrl: signInUrl(env, port, production && (mail.kind === 'smtp' || mail.kind === 'webhook')),
    maxAttempts: positiveInteger(env, 'VAULT_NOTICE_MAX_ATTEMPTS', 8),
    backoffMs: positiveInteger(env, 'VAULT_NOTICE_BACKOFF_MS', 60_000),
    maxBackoffMs: positiveInteger(env, 'VAULT_NOTICE_MAX_BACKOFF_MS', 60 * 60_000),
    pollMs: positiveInteger(env, 'VAULT_NOTICE_POLL_MS', 2000),
    reminderDays: positiveInteger(env, 'VAULT_NOTICE_REMINDER_DAYS', 3),
    reminderSweepMs: positiveInteger(env, 'VAULT_NOTICE_REMINDER_SWEEP_MS', 60 * 60_000),
  };
  if (settings.maxBackoffMs < settings.backoffMs) throw new ConfigError('VAULT_NOTICE_MAX_BACKOFF_MS must be at least VAULT_NOTICE_BACKOFF_MS');
  if (!/^[^<>\r\n]*<?[^\s<>@]+@[^\s<>@]+>?$/.test(settings.from)) throw new ConfigError('VAULT_NOTICE_FROM must be an address, such as "Kluis <no-reply@bank.example>"');
  return settings;
}

function noticeMail(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): NoticeMail {
  if (env.VAULT_NOTICE_WEBHOOK_URL) {
    if (env.VAULT_SMTP_URL) throw new ConfigError('Set VAULT_SMTP_URL or VAULT_NOTICE_WEBHOOK_URL, not both: notices go out one way');
    const problems: string[] = [];
    const url = endpointUrl(env.VAULT_NOTICE_WEBHOOK_URL, 'VAULT_NOTICE_WEBHOOK_URL', problems);
    const secret = secretFrom('VAULT_NOTICE_WEBHOOK_SECRET', env, 'the notice webhook', problems);
    if (!url || !secret) throw new ConfigError(problems.join('; '));
    return { kind: 'webhook', url, secret };
  }
  const raw = env.VAULT_SMTP_URL;
  if (!raw) return production ? { kind: 'off' } : { kind: 'folder', folder: join(dataDir, 'mail') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('VAULT_SMTP_URL must be a URL such as smtp://mail.bank.example:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('VAULT_SMTP_URL must start with smtp:// (STARTTLS) or smtps://');
  if (!url.hostname) throw new ConfigError('VAULT_SMTP_URL must name a host');
  return { kind: 'smtp', url: raw };
}

/** Mail sent in production must link to the real vault, over https. */
function signInUrl(env: NodeJS.ProcessEnv, port: number, mailedInProduction: boolean): string {
  const raw = env.VAULT_PUBLIC_URL;
  if (!raw) {
    if (mailedInProduction) throw new ConfigError('VAULT_PUBLIC_URL is required in production: the https address customers sign in at, linked from every notice');
    return `http://localhost:${port}/`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('VAULT_PUBLIC_URL must be a URL such as https://kluis.bank.example/');
  }
  if (url.protocol !== 'https:' && (mailedInProduction || url.protocol !== 'http:')) throw new ConfigError('VAULT_PUBLIC_URL must be https');
  return url.href;
}
