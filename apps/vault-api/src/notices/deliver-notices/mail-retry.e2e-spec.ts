import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { noticeStream } from '@kluis/document-domain';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { getAs, upload } from '../../../../../test/support/vault-requests';
import { SmtpInbox } from '../testing/smtp-inbox';
import { NoticeMailer } from './notice-mailer.service';

const MINUTE = 60_000;

describe('mailing a notice when the mail server is not ready', () => {
  let smtp: SmtpInbox;
  let vault: VaultUnderTest;

  beforeEach(async () => {
    smtp = await SmtpInbox.start();
  });
  afterEach(async () => {
    await vault.stop();
    await smtp.stop();
    await removeDataDir(vault);
  });

  const settings = () => ({ VAULT_SMTP_URL: smtp.url, VAULT_NOTICE_POLL_MS: '50', VAULT_NOTICE_BACKOFF_MS: '1000', VAULT_NOTICE_MAX_BACKOFF_MS: '2000' });
  const deliveryEvents = async (customerId: string) =>
    (await vault.app.get<EventStore>(EVENT_STORE).readStream(noticeStream(customerId))).events.filter((event) => event.type !== 'NoticeIssued' && event.type !== 'ContactEmailSet');
  const receiptFor = async (customer: { id: string; token: string }) => {
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${customer.token}`).send({ email: 'maria@example.nl' }).expect(200);
    const carla = await vault.reviewer('carla');
    await upload(vault, carla.token, customer.id, { file: aPdf(), type: 'id-card', channel: 'branch' }).expect(201);
  };
  /** Moves the vault's clock past the backoff until `check` passes. */
  const afterRetries = (check: () => Promise<void>) =>
    eventually(async () => {
      vault.clock.advance(MINUTE);
      await check();
    });

  it('delivers once after the server refused twice, and records each failed attempt', async () => {
    vault = await startVault(settings());
    smtp.refuse(2);
    const maria = await vault.customer();
    await receiptFor(maria);

    await afterRetries(async () => expect(smtp.mails).toHaveLength(1));
    const events = await eventually(async () => {
      const recorded = await deliveryEvents(maria.id);
      expect(recorded.map((event) => event.type)).toEqual(['NoticeDeliveryFailed', 'NoticeDeliveryFailed', 'NoticeDelivered']);
      return recorded;
    });
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ attempt: 1, error: expect.stringContaining('451'), retryAt: expect.any(String) }),
      expect.objectContaining({ attempt: 2, error: expect.stringContaining('451'), retryAt: expect.any(String) }),
      expect.objectContaining({ attempts: 3 }),
    ]);
    expect(JSON.stringify(events)).not.toContain('maria@example.nl');
    expect(smtp.received).toBe(3);
    const [notice] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    expect(notice.delivery).toBe('delivered');

    // Nothing is sent again once it was delivered.
    vault.clock.advance(60 * MINUTE);
    // A delivery pass run here, awaited, instead of waiting for the poller: it finds nothing due an hour later.
    expect(await vault.app.get(NoticeMailer).deliverDue()).toBe(0);
    expect(smtp.received).toBe(3);
  });

  it('loses nothing across a restart between a failed attempt and the next', async () => {
    vault = await startVault(settings());
    smtp.refuse(1_000);
    const maria = await vault.customer();
    await receiptFor(maria);
    await eventually(async () => expect((await deliveryEvents(maria.id)).map((event) => event.type)).toContain('NoticeDeliveryFailed'));

    vault = await vault.restart();
    smtp.refuse(0);
    await afterRetries(async () => expect(smtp.mails).toHaveLength(1));
    await eventually(async () => expect((await deliveryEvents(maria.id)).at(-1)).toMatchObject({ type: 'NoticeDelivered', data: { attempts: expect.any(Number) } }));
    const delivered = (await deliveryEvents(maria.id)).at(-1)!;
    expect(delivered.data.attempts).toBeGreaterThanOrEqual(2);
  });

  it('gives up after the last attempt, keeps the notice in the inbox and says it was not mailed', async () => {
    vault = await startVault({ ...settings(), VAULT_NOTICE_MAX_ATTEMPTS: '2' });
    smtp.refuse(1_000);
    const maria = await vault.customer();
    await receiptFor(maria);
    await afterRetries(async () => {
      const [notice] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
      expect(notice).toMatchObject({ kind: 'received', delivery: 'failed' });
    });
    expect((await deliveryEvents(maria.id)).map((event) => event.data)).toEqual([
      expect.objectContaining({ attempt: 1, retryAt: expect.any(String) }),
      expect.objectContaining({ attempt: 2, retryAt: null }),
    ]);
    const metrics = await vault.http().get('/metrics');
    expect(metrics.text).toMatch(/kluis_notice_mails_total\{outcome="failed"\} 1/);
    expect(metrics.text).toMatch(/kluis_notice_mails_total\{outcome="undelivered"\} 1/);
    await eventually(async () => expect((await vault.http().get('/health').expect(200)).body.notices).toEqual({ mail: 'smtp', undelivered: 1 }));
    const [notice] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    const support = await vault.token('support-1', ['admin']);
    expect((await getAs(vault, support, '/v1/admin/undelivered-notices').expect(200)).body).toEqual({ notices: [{ noticeId: notice.id, customerId: maria.id, attempts: 2 }] });
    await getAs(vault, maria.token, '/v1/admin/undelivered-notices').expect(403);
  });
});

describe('mail in dev mode without a mail server', () => {
  let vault: VaultUnderTest;
  afterEach(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('is written to the data directory as .eml files a newcomer can open', async () => {
    vault = await startVault({ VAULT_NOTICE_POLL_MS: '50' });
    const maria = await vault.customer();
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${maria.token}`).send({ email: 'maria@example.nl' }).expect(200);
    const carla = await vault.reviewer('carla');
    await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'id-card', channel: 'branch' }).expect(201);
    const [file] = await eventually(async () => {
      const files = await readdir(join(vault.dataDir, 'mail'));
      expect(files).toHaveLength(1);
      return files;
    });
    const [notice] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    expect(file).toBe(`${notice.id}.eml`);
    const eml = await readFile(join(vault.dataDir, 'mail', file), 'utf8');
    expect(eml).toMatch(/^To: maria@example\.nl$/m);
    expect(eml).toContain(`Subject: We received your document (${notice.reference})`);
  });
});
