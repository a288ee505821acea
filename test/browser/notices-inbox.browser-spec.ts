import { mintDevToken } from '@kluis/auth';
import type { Browser, Page } from 'playwright-core';
import { SmtpInbox } from '../../apps/vault-api/src/notices/testing/smtp-inbox';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { expectAccessible } from './support/accessibility';
import { type BuiltVault, startBuiltVault } from './support/built-vault';
import { launchChromium } from './support/chromium';

jest.setTimeout(60_000);

describe('the customer reads her messages from the bank beside her documents', () => {
  let smtp: SmtpInbox;
  let vault: BuiltVault;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    [vault, browser] = await Promise.all([startBuiltVault({ VAULT_SMTP_URL: smtp.url, VAULT_NOTICE_POLL_MS: '100' }), launchChromium()]);
    const context = await browser.newContext({ baseURL: vault.url, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await vault?.stop();
    await smtp?.stop();
  });

  it('sets where they are emailed, reads the branch receipt in English and Dutch, and gets it by mail', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: /^Continue as Customer C-1001\b/ }).click();
    await page.getByRole('heading', { name: 'Messages from the bank' }).waitFor();
    await page.getByText('No messages yet.').waitFor();
    await page.getByLabel('Email me these messages').fill('maria@example.nl');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('status').filter({ hasText: 'New messages are also emailed to maria@example.nl' }).waitFor();

    // The branch hands in her ID card through the API, as the intake desk's systems would.
    const carla = await mintDevToken(vault.dataDir, { sub: 'carla', roles: ['reviewer'] });
    const form = new FormData();
    form.set('type', 'id-card');
    form.set('channel', 'branch');
    form.set('file', new Blob([aPdf()], { type: 'application/pdf' }), 'id.pdf');
    const uploaded = await fetch(`${vault.url}/v1/customers/C-1001/documents`, { method: 'POST', headers: { Authorization: `Bearer ${carla}` }, body: form });
    expect(uploaded.status).toBe(201);

    await eventually(async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'We received your document' }).waitFor({ timeout: 1000 });
    });
    await page.getByText(/^We received your ID card at a branch\. We will check it by /).waitFor();
    await expectAccessible(page, 'my documents with messages');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'We hebben uw document ontvangen' }).waitFor();
    await page.getByText(/^We hebben uw identiteitskaart op een kantoor ontvangen\./).waitFor();

    const [mail] = await eventually(async () => {
      expect(smtp.mails).toHaveLength(1);
      return smtp.mails;
    });
    expect(mail.headers.subject).toMatch(/^We received your document \(K-[0-9A-F]{8}\)$/);
  });
});
