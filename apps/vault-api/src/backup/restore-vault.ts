import { createFileBlobStore } from '@kluis/blob-store';
import { DEV_MASTER_KEY_FILE } from '@kluis/crypto';
import { access, copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DataLocations } from '../config/vault-config';
import { BACKUP_LAYOUT, type BackupManifest, readManifest } from './backup-manifest';
import { BackupTargetInUseError, MasterKeyNotGivenError } from './backup.errors';
import { copyBlobs } from './copy-blobs';
import { DEV_SIGNING_KEY_FILE } from './dev-signing-key-file';
import { assertFree } from './empty-folder';
import { embeddedLocations } from './embedded-locations';
import { rebuildPersonalReadModels } from './rebuild-personal-read-models';
import { sqliteFiles } from './sqlite-snapshot';
import { openKeyVaultReshredding } from '../encryption/open-key-vault';

export interface RestoredVault extends BackupManifest {
  /** Keys the backup held that were destroyed since it was taken, and are destroyed again. */
  readonly reshreddedKeys: number;
}

/**
 * Restores a finished backup into the places the configuration names, all of which must be free: a restore never
 * writes over a vault. The data keys come back first, opened by the master key the configuration gives, and every
 * erasure in the tombstone journal (kept outside the data and its backups) is applied to them again. Then the
 * events and the read model, and the blobs through the blob store, each re-hashed on the way. Only then are the read
 * models the backup left out rebuilt from the events, so an erasure since the backup reaches them. Start the vault
 * afterwards; the rest of its read model catches up from the events.
 */
export async function restoreVault(config: DataLocations, source: string): Promise<RestoredVault> {
  const manifest = await readManifest(source);
  const target = embeddedLocations(config);
  const keyFile = join(target.dataDir, DEV_SIGNING_KEY_FILE);
  const masterKeyFile = join(target.dataDir, DEV_MASTER_KEY_FILE);
  await Promise.all([
    assertAbsent(target.events),
    assertAbsent(target.readModel),
    assertFree(target.blobs),
    assertAbsent(keyFile),
    assertAbsent(target.keys),
    assertAbsent(masterKeyFile),
  ]);
  if (manifest.keyStore && !manifest.devMasterKey && !masterKeyGiven(config)) throw new MasterKeyNotGivenError();
  await mkdir(target.dataDir, { recursive: true, mode: 0o700 });
  // The keys first: a master key that does not open them refuses the restore before anything else is written.
  if (manifest.keyStore) await copyInto(join(source, BACKUP_LAYOUT.keys), target.keys);
  if (manifest.devMasterKey) await copyInto(join(source, DEV_MASTER_KEY_FILE), masterKeyFile);
  const { vault, reshredded } = await openKeyVaultReshredding(config.encryption).catch(async (error: unknown) => {
    await Promise.all([...sqliteFiles(target.keys), masterKeyFile].map((file) => rm(file, { force: true })));
    throw error;
  });
  await vault.close();
  await copyInto(join(source, BACKUP_LAYOUT.events), target.events);
  await copyInto(join(source, BACKUP_LAYOUT.readModel), target.readModel);
  await copyBlobs(createFileBlobStore(join(source, BACKUP_LAYOUT.blobs)), createFileBlobStore(target.blobs));
  if (manifest.devSigningKey) await copyInto(join(source, DEV_SIGNING_KEY_FILE), keyFile);
  await rebuildPersonalReadModels(config, manifest.readModelsToRebuild ?? []);
  return { ...manifest, reshreddedKeys: reshredded };
}

const masterKeyGiven = (config: DataLocations): boolean => {
  const { env } = config.encryption.masterKeys;
  return Boolean(env.VAULT_MASTER_KEY ?? env.VAULT_MASTER_KEY_FILE);
};

async function assertAbsent(file: string): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new BackupTargetInUseError(file);
}

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}
