import { mintDevToken } from '@kluis/auth';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmtpInbox } from '../../apps/vault-api/src/notices/testing/smtp-inbox';
import { type BuiltVault, startBuiltVault } from '../support/built-vault';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';

describe('a notice whose mail was not yet delivered when the vault was killed', () => {
  let dataDir: string;
  let smtp: SmtpInbox;
  let vault: BuiltVault | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-notice-crash-'));
    smtp = await SmtpInbox.start();
  });
  afterAll(async () => {
    await vault?.stop();
    await smtp.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = () => startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_SMTP_URL: smtp.url, VAULT_NOTICE_POLL_MS: '50', VAULT_NOTICE_BACKOFF_MS: '200', VAULT_NOTICE_MAX_BACKOFF_MS: '400' });
  const call = (path: string, token: string, init: RequestInit = {}) => fetch(`${vault!.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });

  it('is mailed once after kill -9 and a restart', async () => {
    vault = await start();
    const customerId = 'C-crash-1';
    const maria = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
    const carla = await mintDevToken(dataDir, { sub: 'carla', roles: ['reviewer'] });
    smtp.refuse(1_000);
    const contact = await call('/v1/me/contact', maria, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'maria@example.nl' }) });
    expect(contact.status).toBe(200);
    const form = new FormData();
    form.set('type', 'id-card');
    form.set('channel', 'branch');
    form.set('file', new Blob([aPdf()], { type: 'application/pdf' }), 'id.pdf');
    expect((await call(`/v1/customers/${customerId}/documents`, carla, { method: 'POST', body: form })).status).toBe(201);
    await eventually(async () => expect(smtp.received).toBeGreaterThanOrEqual(1));

    await vault.crash();
    smtp.refuse(0);
    vault = await start();

    await eventually(async () => expect(smtp.mails).toHaveLength(1), { timeoutMs: 30_000 });
    const notices = await eventually(async () => {
      const { notices: page } = (await (await call('/v1/me/notices', maria)).json()) as { notices: { id: string; delivery: string }[] };
      expect(page).toEqual([expect.objectContaining({ delivery: 'delivered' })]);
      return page;
    });
    expect(smtp.mails[0].headers['message-id']).toBe(`<notice-${notices[0].id}@kluis>`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mails).toHaveLength(1);
  });
});
