import { mintDevToken } from '@kluis/auth';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/accessibility';
import { type BuiltVault, startBuiltVault } from './support/built-vault';
import { launchChromium } from './support/chromium';
import { saveScreen, screenshotOnFailure } from './support/screenshots';
import { passportMrz, passportPng, powerOfAttorneyPdf } from './support/specimens';

// One story, told in order: a customer uploads, two reviewers verify, a department relies on it, the customer sees it.
jest.setTimeout(60_000);

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const POWER_OF_ATTORNEY_FACTS: [string, string][] = [
  ['Notary', 'Mr. J. Bakker, Utrecht'],
  ['Date of the deed', '2026-10-02'],
  ['Grantor (who gives the power)', 'Jan de Vries'],
  ['Attorney (who receives it)', 'Maria de Vries'],
  ['What it covers', 'All banking matters'],
];
const RELIANCE = 'Power of attorney for the joint account';
const ASK = 'Registering who may act for you on the joint account';
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
const longDate = (locale: string, day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

describe('verifying documents in the browser', () => {
  let vault: BuiltVault;
  let browser: Browser;
  let passport: Buffer;
  let powerOfAttorney: Buffer;
  let powerOfAttorneyId: string;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page> = {};
  /** Script errors and security-policy violations on any page; the story must end with none. */
  const pageProblems: string[] = [];

  beforeAll(async () => {
    [vault, browser] = await Promise.all([startBuiltVault({ VAULT_MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) }), launchChromium()]);
    [passport, powerOfAttorney] = await Promise.all([passportPng(browser), powerOfAttorneyPdf(browser)]);
  });
  afterAll(async () => {
    await browser?.close();
    await vault?.stop();
  });

  async function newPage(who: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: vault.url, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`${who}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(`${who}: ${message.text()}`);
    });
    pages[who] = page;
    return page;
  }

  async function signInAs(who: string, identity: string): Promise<Page> {
    const page = await newPage(who);
    await page.goto('/');
    await identityButton(page, identity).click();
    return page;
  }

  /** The button's name goes on to say what the identity does. */
  const identityButton = (page: Page, identity: string) => page.getByRole('button', { name: new RegExp(`^Continue as ${identity}\\b`) });

  const step = (name: string, run: () => Promise<void>) => it(name, () => screenshotOnFailure(pages, name, run));
  const alert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text }).waitFor();
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  /** The department works through the REST API, as its own systems would. */
  async function asMandates(path: string, body: object): Promise<Response> {
    const minted = await fetch(`${vault.url}/dev/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity: 'mandates' }) });
    const { token } = (await minted.json()) as { token: string };
    return fetch(`${vault.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** Support has no screen of its own yet; it manages a customer's retention through the REST API. */
  async function asSupport(path: string, body?: object): Promise<Response> {
    const token = await mintDevToken(vault.dataDir, { sub: 'support-desk', roles: ['admin'] });
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) };
    return fetch(`${vault.url}${path}`, { method: 'POST', headers, body: body ? JSON.stringify(body) : undefined });
  }

  /** Reloads until the text shows: some effects (a request fulfilled by a verification) are projected after the write. */
  async function reloadUntilVisible(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await page.reload();
      try {
        return await page.getByText(text).waitFor({ timeout: 1000 });
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  async function fillPowerOfAttorneyFacts(page: Page): Promise<void> {
    for (const [label, value] of POWER_OF_ATTORNEY_FACTS) await page.getByLabel(label, { exact: true }).fill(value);
  }

  step('offers the demo identities on the sign-in page', async () => {
    const page = await newPage('visitor');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    for (const identity of ['Customer C-1001', 'Anna, reviewer', 'Bram, reviewer', 'Mandates department']) {
      await identityButton(page, identity).waitFor();
    }
    await expectAccessible(page, 'sign-in');
    await saveScreen(page, 'sign-in');
  });

  step('a customer sees what the mandates department asks of them, why, and by when', async () => {
    expect((await asSupport('/v1/customers/C-1001/relationship')).status).toBe(200);
    const dueBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const asked = await asMandates('/v1/customers/C-1001/document-requests', { kind: 'power-of-attorney', purpose: ASK, dueBy });
    expect(asked.status).toBe(201);

    const page = await signInAs('customer', 'Customer C-1001');
    await page.getByRole('heading', { level: 1, name: 'My documents' }).waitFor();
    await reloadUntilVisible(page, 'You are a customer of the bank.');
    const ask = page.getByRole('listitem').filter({ hasText: 'A notarial power of attorney' });
    await ask.getByText(`Purpose stated by Mandates: ${ASK}`).waitFor();
    await ask.getByText(`Please send it before ${longDate('en-GB', dueBy)}`).waitFor();
  });

  step('a customer is told at once about a wrong or too large file, and by the vault about a fake PDF', async () => {
    const page = pages.customer;
    const file = page.getByLabel('choose a file');

    await file.setInputFiles({ name: 'letter.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') });
    await alert(page, 'We cannot accept this kind of file. Please send a PDF, JPG, PNG or TIFF.');
    await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x25) });
    await alert(page, 'This file is too large. Files may be at most 2 MB.');

    await page.getByLabel('What kind of document is it?').selectOption('passport');
    await file.setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Not a PDF, whatever its name says.') });
    await page.getByText('Selected: passport.pdf').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await alert(page, 'We cannot accept this kind of file. Please send a PDF, JPG, PNG or TIFF.');
    await page.getByText('You have not sent us any documents yet.').waitFor();
  });

  step('a customer uploads a passport by dropping it on the page, watches it go up, and sees it pending', async () => {
    const page = pages.customer;
    // Slow the upload down enough to see the progress bar move.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: passport.length });
    // A drop as the browser makes it: a DataTransfer holding the file, built in the page.
    const transfer = await page.evaluateHandle(`(() => {
      const bytes = Uint8Array.from(atob('${passport.toString('base64')}'), (character) => character.charCodeAt(0));
      const dropped = new DataTransfer();
      dropped.items.add(new File([bytes], 'passport.png', { type: 'image/png' }));
      return dropped;
    })()`);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('Selected: passport.png').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    await status(page, 'Thank you, we received it: Passport.');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await page.getByRole('article', { name: 'Passport' }).getByText('We are checking it').waitFor();
  });

  step('a customer uploads a notarial power of attorney with the file chooser', async () => {
    const page = pages.customer;
    await page.getByLabel('What kind of document is it?').selectOption('notarial-power-of-attorney');
    await page.getByLabel('choose a file').setInputFiles({ name: 'volmacht.pdf', mimeType: 'application/pdf', buffer: powerOfAttorney });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await status(page, 'Thank you, we received it: Notarial power of attorney.');
    await page.getByRole('article', { name: 'Notarial power of attorney' }).getByText('We are checking it').waitFor();
    await expectAccessible(page, 'my documents, pending');
  });

  step('reviewer Anna sees the queue oldest first and claims the power of attorney', async () => {
    const page = await signInAs('anna', 'Anna, reviewer');
    await page.getByRole('heading', { level: 1, name: 'Review desk' }).waitFor();
    await page.getByRole('link', { name: 'Open Notarial power of attorney of C-1001' }).waitFor();
    expect(await page.locator('table.queue tbody th').allTextContents()).toEqual(['Passport', 'Notarial power of attorney']);
    const passportRow = page.locator('table.queue tbody tr').first();
    await page.getByRole('button', { name: 'Claim: Passport, C-1001' }).click();
    await passportRow.getByText(/^Yours until/).waitFor();
    await page.getByRole('button', { name: 'Release: Passport, C-1001' }).click();
    await passportRow.getByText('Free', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Claim: Notarial power of attorney, C-1001' }).click();
    await page.getByText(/^Yours until/).waitFor();
    await expectAccessible(page, 'review queue');
    await saveScreen(page, 'review-queue');
  });

  step('Anna checks the passport’s MRZ as she types it and approves it from the MRZ alone', async () => {
    const page = pages.anna;
    await page.getByRole('link', { name: 'Open Passport of C-1001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passport of C-1001' }).waitFor();
    await page.getByRole('img', { name: 'Preview of the document: Passport' }).waitFor();

    const [upper, lower] = passportMrz();
    const wrongDigit = String((Number(lower[9]) + 1) % 10);
    const mrz = page.getByLabel('Machine-readable zone (MRZ)');
    await mrz.fill(`${upper}\n${lower.slice(0, 9)}${wrongDigit}${lower.slice(10)}`);
    await page.getByText(`Document number: check digit is ${wrongDigit}, but should be ${lower[9]}`).waitFor();
    await expectAccessible(page, 'review document');
    await saveScreen(page, 'review-document');

    await mrz.fill(`${upper.toLowerCase()}\n${lower}`);
    await page.getByText('All check digits are correct.').waitFor();
    await page.getByText('Left blank, these are read from the MRZ.').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await status(page, 'Approved. The document is now verified.');
    await page.getByText('Verified. Nothing more to do.').waitFor();
  });

  step('Anna gives the first approval of the power of attorney, and the vault refuses her second', async () => {
    const page = pages.anna;
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('link', { name: 'Open Notarial power of attorney of C-1001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notarial power of attorney of C-1001' }).waitFor();
    await page.getByText('This document needs two approvals by different reviewers.').waitFor();
    await page.getByText(/^You are working on this until/).waitFor();
    await page.locator('iframe.preview-frame').waitFor();

    await fillPowerOfAttorneyFacts(page);
    await page.getByRole('button', { name: 'Approve' }).click();
    await status(page, 'Approved.');
    await page.getByText('First approval by anna, waiting for a second reviewer.').waitFor();
    await page.getByText('You gave the first approval. A different reviewer must give the second.').waitFor();
    // A review ends the reviewer's claim, so the second reviewer can start at once.
    await page.getByText(/^You are working on this until/).waitFor({ state: 'detached' });

    await fillPowerOfAttorneyFacts(page);
    await page.getByRole('button', { name: 'Approve' }).click();
    await alert(page, 'The vault refused: You already approved this document; a different reviewer must give the second approval.');
    await expectAccessible(page, 'review document, four-eyes');
    await saveScreen(page, 'review-four-eyes');
    powerOfAttorneyId = new URL(page.url()).pathname.split('/').pop()!;
  });

  step('reviewer Bram gives the second approval, and the power of attorney is verified', async () => {
    const page = await signInAs('bram', 'Bram, reviewer');
    await page.getByText('First approval by anna', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Open Notarial power of attorney of C-1001' }).click();
    await page.getByText('First approval by anna, waiting for a second reviewer.').waitFor();
    expect(await page.getByText('You gave the first approval').count()).toBe(0);
    await fillPowerOfAttorneyFacts(page);
    await page.getByRole('button', { name: 'Approve' }).click();
    await status(page, 'Approved. The document is now verified.');
    await page.getByText(/^Approved by bram,/).waitFor();
  });

  step('the customer sees both verified, the ask fulfilled, and which department relies on the power of attorney and why', async () => {
    const reference = await asMandates(`/v1/documents/${powerOfAttorneyId}/references`, { purpose: RELIANCE, caseRef: 'MAN-2291' });
    expect({ status: reference.status, body: await reference.text() }).toEqual({ status: 201, body: expect.any(String) });

    const page = pages.customer;
    await reloadUntilVisible(page, 'The bank needs nothing else from you right now.');
    const powerOfAttorneyCard = page.getByRole('article', { name: 'Notarial power of attorney' });
    await powerOfAttorneyCard.getByText('Verified', { exact: true }).waitFor();
    await powerOfAttorneyCard.getByText(`Mandates: ${RELIANCE}`).waitFor();
    await page.getByRole('article', { name: 'Passport' }).getByText('Valid until 1 January 2031').waitFor();
    await powerOfAttorneyCard.getByRole('button', { name: 'Show what happened' }).click();
    await powerOfAttorneyCard.getByText(`The mandates department relies on it: ${RELIANCE}`).waitFor();
    await expectAccessible(page, 'my documents, verified');
    await saveScreen(page, 'my-documents');
  });

  step('the customer sees who looked at their documents, and why', async () => {
    const page = pages.customer;
    await page.getByRole('link', { name: 'Who looked' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who looked at your documents' }).waitFor();
    const reviewerRead = page.getByRole('row').filter({ hasText: 'Opened a document' }).filter({ hasText: 'Verification review' });
    await reviewerRead.first().getByRole('cell', { name: 'a reviewer' }).waitFor();
    await expectAccessible(page, 'access log');
    await saveScreen(page, 'access-log');
    await page.getByRole('link', { name: 'My documents' }).click();
  });

  step('the customer reads it all in Dutch, and the choice is kept', async () => {
    const page = pages.customer;
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn documenten' }).waitFor();
    const card = page.getByRole('article', { name: 'Notariële volmacht' });
    await card.locator('header').getByText('Gecontroleerd', { exact: true }).waitFor();
    await card.getByText(`Machtigingen: ${RELIANCE}`).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('nl');
    await expectAccessible(page, 'my documents in Dutch');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mijn documenten' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My documents' }).waitFor();
  });

  step('the mandates department looks the customer up at its desk', async () => {
    const page = await signInAs('mandates', 'Mandates department');
    await page.getByRole('heading', { level: 1, name: 'Department desk' }).waitFor();
    await page.getByLabel('Customer number').fill('C-1001');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('article', { name: 'Notarial power of attorney' }).getByText('Verified', { exact: true }).waitFor();
    await expectAccessible(page, 'department desk');
    await saveScreen(page, 'department-desk');
  });

  step('the customer downloads everything the bank holds on them as one zip', async () => {
    const page = pages.customer;
    const yourData = page.getByRole('region', { name: 'Your data' });
    await yourData.getByText('You are a customer of the bank.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), yourData.getByRole('button', { name: 'Download everything the bank holds on you' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kluis-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await readFile(await download.path());
    expect(zip.subarray(0, ZIP_SIGNATURE.length)).toEqual(ZIP_SIGNATURE);
    await yourData.getByRole('button', { name: 'Download everything the bank holds on you' }).waitFor();
    await expectAccessible(page, 'my documents, your data');
  });

  step('once the relationship has ended, the customer reads until when the law keeps their records, in Dutch too', async () => {
    const ended = await asSupport('/v1/customers/C-1001/relationship/end', { endedOn: new Date().toISOString().slice(0, 10) });
    const { retainedUntil } = (await ended.json()) as { retainedUntil: string };
    expect(ended.status).toBe(200);

    const page = pages.customer;
    await reloadUntilVisible(page, `Your relationship with the bank has ended; the law makes us keep your records until ${longDate('en-GB', retainedUntil)}.`);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByText(`Uw relatie met de bank is beëindigd; de wet verplicht ons uw gegevens te bewaren tot ${longDate('nl', retainedUntil)}.`).waitFor();
    await expectAccessible(page, 'my documents, records kept, in Dutch');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('ran without script errors or security-policy violations on any page', () => {
    expect(pageProblems).toEqual([]);
  });
});
