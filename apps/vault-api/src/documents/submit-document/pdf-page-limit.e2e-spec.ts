import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, upload } from '../../../../../test/support/vault-requests';

/** Builds a PDF whose page tree holds `pages` pages, so the page limit can be tried without a real scan. */
function aPdfWithPages(pages: number): Buffer {
  const extra = Array.from({ length: pages - 1 }, (_, index) => `${100 + index} 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n`).join('');
  return Buffer.from(aPdf().toString('latin1').replace('%%EOF', `${extra}%%EOF`), 'latin1');
}

describe('the page limit of uploaded PDFs', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_PDF_MAX_PAGES: '3' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('accepts a PDF within the limit and refuses one over it with 413, storing nothing', async () => {
    const maria = await vault.customer();
    await upload(vault, maria.token, maria.id, { file: aPdfWithPages(3), type: 'notarial-deed' }).expect(201);
    const blobsBefore = await vault.storedBlobs();
    const response = await upload(vault, maria.token, maria.id, { file: aPdfWithPages(4), type: 'notarial-deed' });
    expectProblem(response, 413, vault);
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
  });
});
