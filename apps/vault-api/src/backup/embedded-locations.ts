import type { VaultConfig } from '../config/vault-config';
import { BackupNotSupportedError } from './backup.errors';

/** Where the embedded default keeps everything; refuses any other backend. */
export interface EmbeddedLocations {
  readonly dataDir: string;
  readonly events: string;
  readonly readModel: string;
  readonly blobs: string;
  readonly keys: string;
}

export function embeddedLocations(config: VaultConfig): EmbeddedLocations {
  if (config.eventStore.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${config.eventStore.kind} event store`);
  if (config.readModel.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${config.readModel.kind} read model`);
  if (config.blobStore.kind !== 'file') throw new BackupNotSupportedError(`the ${config.blobStore.kind} blob store`);
  const keyStore = config.encryption.keyStore;
  if (keyStore.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${keyStore.kind} key store`);
  return { dataDir: config.dataDir, events: config.eventStore.file, readModel: config.readModel.file, blobs: config.blobStore.dir, keys: keyStore.file };
}
