import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IncompleteBackupError } from './backup.errors';

/** Written last: a folder with a manifest holds a finished backup. */
export interface BackupManifest {
  readonly format: 1;
  readonly createdAt: string;
  /** The newest event in the backup; the read model in it is at or behind this and catches up on start. */
  readonly eventsHeadPosition: number;
  readonly blobs: { readonly count: number; readonly bytes: number; readonly corrupt: readonly string[] };
  readonly devSigningKey: boolean;
  /** Whether the customers' data keys are in it; without them its blobs and personal fields cannot be read. */
  readonly keyStore?: boolean;
  /**
   * Whether the dev-mode master key is in it, as older backups held it. No backup made now does: beside the data
   * keys it would open every customer's data, an erased customer's included, to whoever holds the backup.
   */
  readonly devMasterKey?: boolean;
  /** The read models left out because they hold personal data in the clear; the restore rebuilds them from the events. */
  readonly readModelsToRebuild?: readonly string[];
}

/** Names inside a backup folder. */
export const BACKUP_LAYOUT = {
  events: 'events.db',
  readModel: 'read-models.db',
  blobs: 'blobs',
  keys: 'keys.db',
  manifest: 'manifest.json',
} as const;

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, BACKUP_LAYOUT.manifest), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, BACKUP_LAYOUT.manifest), 'utf8')) as BackupManifest;
    if (manifest.format !== 1) throw new Error('unknown format');
    return manifest;
  } catch {
    throw new IncompleteBackupError(dir);
  }
}
