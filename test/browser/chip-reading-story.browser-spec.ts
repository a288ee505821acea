import { mintDevToken } from '@kluis/auth';
import { aChipReading, createTestPki, dg1FromMrz, toPem, type TestChipReading, type TestPki } from '@kluis/chip-verification/testing';
import { encodeTd3 } from '@kluis/document-domain/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './support/accessibility';
import { type BuiltVault, startBuiltVault } from './support/built-vault';
import { launchChromium } from './support/chromium';
import { saveScreen, screenshotOnFailure } from './support/screenshots';

// A chip reading that failed passive authentication reaches the review desk, which shows why, step by step.
jest.setTimeout(60_000);

const now = new Date();
const holder = { documentCode: 'P', issuingState: 'UTO', surname: 'ERIKSSON', documentNumber: 'L898902C3', nationality: 'UTO', dateOfBirth: '1974-08-12', sex: 'F', expiresOn: '2034-04-15' } as const;

describe('a chip reading at the review desk', () => {
  let vault: BuiltVault;
  let browser: Browser;
  let trustFolder: string;
  let utopia: TestPki;
  const pages: Record<string, Page> = {};

  beforeAll(async () => {
    utopia = createTestPki({ profile: 'ecdsa-brainpool', now });
    trustFolder = await mkdtemp(join(tmpdir(), 'csca-trust-'));
    await writeFile(join(trustFolder, 'utopia.pem'), toPem('CERTIFICATE', utopia.csca.certificate.toSchema().toBER()));
    [vault, browser] = await Promise.all([startBuiltVault({ VAULT_CSCA_MASTER_LIST: trustFolder }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await vault?.stop();
    await rm(trustFolder, { recursive: true, force: true });
  });

  async function send(reading: TestChipReading): Promise<Response> {
    const token = await mintDevToken(vault.dataDir, { sub: 'C-1001', roles: ['customer'] });
    const dataGroups = Object.fromEntries([...reading.dataGroups].map(([number, bytes]) => [String(number), Buffer.from(bytes).toString('base64')]));
    return fetch(`${vault.url}/v1/customers/C-1001/chip-readings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sod: Buffer.from(reading.sod).toString('base64'), dataGroups, chipAuthentication: 'passed' }),
    });
  }

  it('shows a reviewer every step, and which one failed', () =>
    screenshotOnFailure(pages, 'chip-verdict', async () => {
      const reading = aChipReading(utopia, now, { mrz: encodeTd3({ ...holder, givenNames: 'ANNA MARIA' }) });
      reading.dataGroups.set(1, dg1FromMrz(encodeTd3({ ...holder, givenNames: 'ANNE MARIA' })));
      const refused = await send(reading);
      expect(refused.status).toBe(422);
      const { documentId } = (await refused.json()) as { documentId: string };

      const page = await (await browser.newContext({ baseURL: vault.url, locale: 'en-GB' })).newPage();
      pages.reviewer = page;
      await page.goto('/');
      await page.getByRole('button', { name: /^Continue as Anna, reviewer\b/ }).click();
      // The failed reading waits in the queue like any document.
      await page.getByRole('link', { name: 'Open Passport of C-1001' }).click();
      await page.waitForURL(`**/review/${documentId}`);
      const verdict = page.getByTestId('chip-verdict');
      await verdict.getByRole('heading', { name: 'Chip reading: passive authentication' }).waitFor();
      await verdict.getByText('The chip failed passive authentication (CHIP.HASH_MISMATCH)').waitFor();
      const steps = verdict.getByRole('listitem');
      expect(await steps.count()).toBe(7);
      await steps.filter({ hasText: 'Every data group matches its signed hash: failed' }).waitFor();
      await steps.filter({ hasText: 'The Document Signer chains to a trusted CSCA: passed' }).waitFor();
      // The facts are the chip's own, and a failed reading offers only rejection.
      await page.getByText("What the chip's DG1 states:").waitFor();
      await page.getByRole('definition').filter({ hasText: 'ANNE MARIA ERIKSSON' }).waitFor();
      await page.getByRole('button', { name: 'Reject' }).waitFor();
      expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await expectAccessible(page, 'chip-verdict');
      await saveScreen(page, 'chip-verdict');
    }));
});
