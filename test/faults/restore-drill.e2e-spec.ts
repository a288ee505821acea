import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupManifest } from '../../apps/vault-api/src/backup/backup-manifest';
import { loadVaultConfig } from '../../apps/vault-api/src/config/vault-config';
import { openKeyVault } from '../../apps/vault-api/src/encryption/open-key-vault';
import type { ReconciliationSummary } from '../../apps/vault-api/src/reconciliation/reconciliation-state';
import { type BuiltVault, runBuiltCli, startBuiltVault } from '../support/built-vault';
import { aPdfOfSize, download, paceUpload, sha256 } from './support/uploads';

interface Upload {
  readonly customerId: string;
  readonly token: string;
  readonly file: Buffer;
  readonly documentId: string;
}

describe('the restore drill: back up a running vault, restore it elsewhere, start it', () => {
  const dirs: string[] = [];
  const vaults: BuiltVault[] = [];
  const aDir = async (name: string) => {
    const dir = await mkdtemp(join(tmpdir(), `kluis-${name}-`));
    dirs.push(dir);
    return dir;
  };
  const start = async (dataDir: string, env: NodeJS.ProcessEnv = {}) => {
    const vault = await startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_RECONCILE_INTERVAL_MS: 'off', ...env });
    vaults.push(vault);
    return vault;
  };
  afterAll(async () => {
    await Promise.all(vaults.map((vault) => vault.stop()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function uploadOne(vault: BuiltVault, dataDir: string): Promise<Upload> {
    const customerId = `C-${randomUUID()}`;
    const token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
    const file = aPdfOfSize(64 * 1024);
    const answer = await paceUpload(vault.url, token, customerId, file, 0);
    expect(answer.status).toBe(201);
    return { customerId, token, file, documentId: answer.body.id! };
  }

  it('brings back every document the backup holds, byte for byte, with no blob missing', async () => {
    const original = await aDir('original');
    const backup = join(await aDir('backups'), 'nightly');
    const restored = await aDir('restored');
    const vault = await start(original);
    const before: Upload[] = [];
    for (let index = 0; index < 20; index += 1) before.push(await uploadOne(vault, original));

    const during: Upload[] = [];
    let uploading = true;
    const uploader = (async () => {
      while (uploading) during.push(await uploadOne(vault, original));
    })();
    const backedUp = await runBuiltCli('backup', [backup], { VAULT_DATA_DIR: original });
    uploading = false;
    await uploader;
    await vault.stop();
    expect(during.length).toBeGreaterThan(0);
    expect(backedUp).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(backedUp.stdout) as BackupManifest;
    expect(manifest.blobs.count).toBeGreaterThanOrEqual(before.length);
    expect(manifest.blobs.corrupt).toEqual([]);
    expect(manifest.devSigningKey).toBe(true);
    expect(manifest).toMatchObject({ keyStore: true });

    // No backup holds the master key: the restore, and the restored vault, are given the original's.
    const masterKey = { VAULT_MASTER_KEY_FILE: join(original, 'dev-master-key') };
    expect(await runBuiltCli('restore', [backup], { VAULT_DATA_DIR: restored, ...masterKey })).toMatchObject({ code: 0, stderr: '' });
    const again = await start(restored, masterKey);

    // Tokens signed before the backup still work: the signing key came back with the data.
    for (const upload of before) {
      const { status, bytes } = await download(again.url, upload.token, upload.documentId);
      expect({ status, sha256: sha256(bytes) }).toEqual({ status: 200, sha256: sha256(upload.file) });
    }
    let inBackup = 0;
    for (const upload of during) {
      const { status, bytes } = await download(again.url, upload.token, upload.documentId);
      expect([200, 404]).toContain(status);
      if (status === 200) {
        inBackup += 1;
        expect(sha256(bytes)).toBe(sha256(upload.file));
      }
    }
    expect(manifest.eventsHeadPosition).toBeGreaterThanOrEqual(before.length);
    expect(inBackup).toBeLessThanOrEqual(during.length);

    const reconciled = await runBuiltCli('reconcile', ['--dry-run'], { VAULT_DATA_DIR: restored, ...masterKey });
    expect(reconciled.code).toBe(0);
    const summary = JSON.parse(reconciled.stdout) as ReconciliationSummary;
    expect(summary.counts).toMatchObject({ missing: 0, mismatches: 0 });
    expect(summary.registered).toBe(before.length + inBackup);
  }, 120_000);

  it('keeps a customer erased after the backup erased once the backup is restored', async () => {
    const original = await aDir('original');
    // The erasure journal lives apart from the data and is never backed up: it is what survives to be replayed.
    const journal = join(await aDir('erasures'), 'key-tombstones.jsonl');
    const env = { VAULT_KEY_TOMBSTONES: journal };
    const vault = await startBuiltVault({ VAULT_DATA_DIR: original, VAULT_RECONCILE_INTERVAL_MS: 'off', ...env });
    vaults.push(vault);
    const [kept, erased] = [await uploadOne(vault, original), await uploadOne(vault, original)];
    const backup = join(await aDir('backups'), 'nightly');
    expect(await runBuiltCli('backup', [backup], { VAULT_DATA_DIR: original, ...env })).toMatchObject({ code: 0, stderr: '' });
    await vault.stop();
    const keys = await openKeyVault(loadVaultConfig({ VAULT_DATA_DIR: original, NODE_ENV: 'test', ...env }).encryption);
    await keys.destroy(erased.customerId);
    await keys.close();

    const restored = await aDir('restored');
    const restoredEnv = { ...env, VAULT_MASTER_KEY_FILE: join(original, 'dev-master-key') };
    const restore = await runBuiltCli('restore', [backup], { VAULT_DATA_DIR: restored, ...restoredEnv });
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(restore.stdout)).toMatchObject({ reshreddedKeys: 1 });
    const again = await startBuiltVault({ VAULT_DATA_DIR: restored, VAULT_RECONCILE_INTERVAL_MS: 'off', ...restoredEnv });
    vaults.push(again);

    const { status, bytes } = await download(again.url, kept.token, kept.documentId);
    expect({ status, sha256: sha256(bytes) }).toEqual({ status: 200, sha256: sha256(kept.file) });
    expect((await download(again.url, erased.token, erased.documentId)).status).toBe(410);
    const deep = await runBuiltCli('reconcile', ['--deep', '--dry-run'], { VAULT_DATA_DIR: restored, ...restoredEnv });
    expect(deep.code).toBe(0);
    expect(JSON.parse(deep.stdout) as ReconciliationSummary).toMatchObject({ registered: 2, erased: 1, counts: { missing: 0, mismatches: 0 } });
  }, 120_000);

  it('never writes over anything: not a used backup folder, not a vault that has data', async () => {
    const original = await aDir('original');
    const vault = await start(original);
    await uploadOne(vault, original);
    const backup = await aDir('backups');
    expect((await runBuiltCli('backup', [backup], { VAULT_DATA_DIR: original })).code).toBe(0);
    const refusedBackup = await runBuiltCli('backup', [backup], { VAULT_DATA_DIR: original });
    expect(refusedBackup.code).toBe(1);
    expect(refusedBackup.stderr).toMatch(/already exists and is not empty/);
    const refusedRestore = await runBuiltCli('restore', [backup], { VAULT_DATA_DIR: original });
    expect(refusedRestore.code).toBe(1);
    expect(refusedRestore.stderr).toMatch(/already exists/);
    const notABackup = await runBuiltCli('restore', [await aDir('empty')], { VAULT_DATA_DIR: join(await aDir('fresh'), 'data') });
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toMatch(/no complete backup/);
  }, 60_000);
});
