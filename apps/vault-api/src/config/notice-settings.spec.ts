import { ConfigError } from './config-error';
import { noticeSettings } from './notice-settings';

const settings = (env: NodeJS.ProcessEnv) => noticeSettings(env, '/srv/kluis', 3000);

describe('notice settings', () => {
  it('write mail into the data directory in dev mode without a mail server', () => {
    expect(settings({}).mail).toEqual({ kind: 'folder', folder: '/srv/kluis/mail' });
    expect(settings({}).signInUrl).toBe('http://localhost:3000/');
  });

  it('keep notices in the inbox only in production without a mail server', () => {
    expect(settings({ NODE_ENV: 'production' }).mail).toEqual({ kind: 'off' });
  });

  it('stop at a near miss of production rather than writing mail into the data directory', () => {
    expect(() => settings({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV must be one of/);
  });

  it('mail over SMTP when a server is given', () => {
    expect(settings({ VAULT_SMTP_URL: 'smtp://user:secret@mail.bank.example:587', VAULT_PUBLIC_URL: 'https://kluis.bank.example/' })).toMatchObject({
      mail: { kind: 'smtp', url: 'smtp://user:secret@mail.bank.example:587' },
      signInUrl: 'https://kluis.bank.example/',
    });
  });

  it("post to the bank's messaging platform when a webhook is given, with a secret that never prints", () => {
    const { mail } = settings({ VAULT_NOTICE_WEBHOOK_URL: 'https://messages.bank.example/kluis', VAULT_NOTICE_WEBHOOK_SECRET: 's'.repeat(32) });
    expect(mail).toMatchObject({ kind: 'webhook', url: 'https://messages.bank.example/kluis' });
    expect(JSON.stringify(mail)).not.toContain('s'.repeat(32));
  });

  it.each([
    ['both a mail server and a webhook', { VAULT_SMTP_URL: 'smtp://mail.bank.example:587', VAULT_NOTICE_WEBHOOK_URL: 'https://messages.bank.example/kluis', VAULT_NOTICE_WEBHOOK_SECRET: 's'.repeat(32) }, 'not both'],
    ['a webhook without its secret', { VAULT_NOTICE_WEBHOOK_URL: 'https://messages.bank.example/kluis' }, 'VAULT_NOTICE_WEBHOOK_SECRET'],
    ['a webhook with a short secret', { VAULT_NOTICE_WEBHOOK_URL: 'https://messages.bank.example/kluis', VAULT_NOTICE_WEBHOOK_SECRET: 'short' }, 'at least 32'],
    ['a webhook over plain http', { VAULT_NOTICE_WEBHOOK_URL: 'http://messages.bank.example/kluis', VAULT_NOTICE_WEBHOOK_SECRET: 's'.repeat(32) }, 'VAULT_NOTICE_WEBHOOK_URL'],
    ['a mail server that is not SMTP', { VAULT_SMTP_URL: 'http://mail.bank.example' }, 'VAULT_SMTP_URL'],
    ['a mail server that is not a URL', { VAULT_SMTP_URL: 'mail.bank.example:587' }, 'VAULT_SMTP_URL'],
    ['mail in production without the address customers sign in at', { NODE_ENV: 'production', VAULT_SMTP_URL: 'smtp://mail.bank.example:587' }, 'VAULT_PUBLIC_URL'],
    ['mail in production linking to plain http', { NODE_ENV: 'production', VAULT_SMTP_URL: 'smtp://mail.bank.example:587', VAULT_PUBLIC_URL: 'http://kluis.bank.example/' }, 'VAULT_PUBLIC_URL'],
    ['a sender that is not an address', { VAULT_NOTICE_FROM: 'Kluis\r\nBcc: all@example.nl' }, 'VAULT_NOTICE_FROM'],
    ['a backoff cap below the backoff', { VAULT_NOTICE_BACKOFF_MS: '5000', VAULT_NOTICE_MAX_BACKOFF_MS: '1000' }, 'VAULT_NOTICE_MAX_BACKOFF_MS'],
    ['attempts that are not a number', { VAULT_NOTICE_MAX_ATTEMPTS: 'many' }, 'VAULT_NOTICE_MAX_ATTEMPTS'],
  ])('refuse %s, naming the variable', (_label, env, variable) => {
    expect(() => settings(env)).toThrow(ConfigError);
    expect(() => settings(env)).toThrow(variable);
  });
});
