import { devMasterKeyPath } from '@kluis/crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_SIGNING_KEY_FILE } from '../backup/dev-signing-key-file';
import type { DataLocations } from '../config/vault-config';

const anyExists = async (paths: readonly string[]): Promise<boolean> =>
  (await Promise.all(paths.map((path) => access(path).then(() => true, () => false)))).some(Boolean);

/**
 * Whether the data folder holds a vault's data but neither dev key: a vault in production writes events, keys and
 * blobs there and never a generated key, while a dev vault generates its master key at start-up. A dev signing key
 * written beside production data would let anyone who can read the folder, or who later starts it in dev mode,
 * sign in as anyone.
 */
export async function holdsProductionData(config: DataLocations): Promise<boolean> {
  const dataFiles = [
    config.storage.eventStore.kind === 'sqlite' ? config.storage.eventStore.file : null,
    config.encryption.keyStore.kind === 'sqlite' ? config.encryption.keyStore.file : null,
    config.storage.readModel.kind === 'sqlite' ? config.storage.readModel.file : null,
    config.storage.blobStore.kind === 'file' ? config.storage.blobStore.dir : null,
    config.encryption.tombstoneJournal,
  ].filter((file): file is string => file !== null);
  const devKeys = [join(config.storage.dataDir, DEV_SIGNING_KEY_FILE), devMasterKeyPath(config.storage.dataDir)];
  return (await anyExists(dataFiles)) && !(await anyExists(devKeys));
}
