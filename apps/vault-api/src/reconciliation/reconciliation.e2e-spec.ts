import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { Readable } from 'node:stream';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { upload } from '../../../../test/support/vault-requests';
import { ReconciliationService } from './reconciliation.service';

describe('the vault reconciling its blobs while it runs', () => {
  let vault: VaultUnderTest;

  beforeEach(async () => {
    vault = await startVault();
  });
  afterEach(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const health = () => vault.http().get('/health');
  const metric = async (name: string) => {
    const { text } = await vault.http().get('/metrics').expect(200);
    const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };

  it('stays up while every document has its bytes, and reports the orphans it found', async () => {
    const maria = await vault.customer();
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    const orphan = await vault.app.get<BlobStore>(BLOB_STORE).put('documents/crashed-before-its-event', Readable.from([aPdf()]));

    const summary = await vault.app.get(ReconciliationService).run();

    expect(summary.counts).toMatchObject({ missing: 0, mismatches: 0, orphans: 1 });
    expect(summary.orphans.map((entry) => entry.key)).toEqual([orphan.key]);
    const { body } = await health().expect(200);
    expect(body.status).toBe('up');
    expect(body.reconciliation).toMatchObject({ status: 'clean', missingBlobs: 0, orphanBlobs: 1 });
    expect(await metric('kluis_reconciliation_orphan_blobs')).toBe(1);
  });

  it('goes degraded, still ready, when a document has lost its bytes', async () => {
    const maria = await vault.customer();
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    const blobs = vault.app.get<BlobStore>(BLOB_STORE);
    const [key] = await vault.storedBlobs();
    await blobs.delete(key);

    await vault.app.get(ReconciliationService).run();

    const { body } = await health().expect(200);
    expect(body.status).toBe('degraded');
    expect(body.reconciliation).toMatchObject({ status: 'data-loss', missingBlobs: 1 });
    expect(await metric('kluis_reconciliation_missing_blobs')).toBe(1);
  });
});
