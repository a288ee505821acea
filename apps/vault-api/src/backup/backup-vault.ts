import { createFileBlobStore } from '@kluis/blob-store';
import { join } from 'node:path';
import type { DataLocations } from '../config/vault-config';
import { BACKUP_LAYOUT, type BackupManifest, writeManifest } from './backup-manifest';
import { copyBlobs } from './copy-blobs';
import { copyIfPresent } from './copy-if-present';
import { DEV_SIGNING_KEY_FILE } from './dev-signing-key-file';
import { claimEmptyFolder } from './empty-folder';
import { embeddedLocations } from './embedded-locations';
import { readModelWithoutPersonalData } from './read-model-without-personal-data';
import { headPositionOf, snapshotSqlite } from './sqlite-snapshot';

/**
 * Backs up a running embedded vault into an empty folder. The order is what makes it consistent without stopping:
 * 1. the read model first, so its checkpoint is never ahead of the events it came from. The read models that hold
 *    personal data in the clear are left out and rebuilt on restore from the sealed events: an erasure after the
 *    backup then reaches them too;
 * 2. then the events, as of one moment;
 * 3. then the blobs: every blob an event in the snapshot points at was stored before that event was written, so it
 *    is already there to copy. Blobs stored later are copied too, or not; either way they are harmless orphans;
 * 4. then the data keys: each was made before anything was sealed under it, so every key the blobs and events
 *    above need is in this later snapshot. A key destroyed after it was taken is shredded again on restore, from
 *    the tombstone journal, which is never backed up and so never rolled back. The master key that unwraps them
 *    never goes along, not even a dev vault's generated one: a restore is given it as the vault is.
 * The manifest is written last and marks the backup finished.
 */
export async function backupVault(config: DataLocations, target: string, now: () => Date = () => new Date()): Promise<BackupManifest> {
  const source = embeddedLocations(config);
  await claimEmptyFolder(target);
  const createdAt = now().toISOString();
  const readModelsToRebuild = await readModelWithoutPersonalData(source.readModel, join(target, BACKUP_LAYOUT.readModel));
  const eventsFile = join(target, BACKUP_LAYOUT.events);
  await snapshotSqlite(source.events, eventsFile);
  const blobs = await copyBlobs(createFileBlobStore(source.blobs), createFileBlobStore(join(target, BACKUP_LAYOUT.blobs)));
  await snapshotSqlite(source.keys, join(target, BACKUP_LAYOUT.keys));
  const devSigningKey = await copyIfPresent(join(source.dataDir, DEV_SIGNING_KEY_FILE), join(target, DEV_SIGNING_KEY_FILE));
  const manifest: BackupManifest = {
    format: 1,
    createdAt,
    eventsHeadPosition: headPositionOf(eventsFile),
    blobs,
    devSigningKey,
    keyStore: true,
    readModelsToRebuild,
  };
  await writeManifest(target, manifest);
  return manifest;
}

