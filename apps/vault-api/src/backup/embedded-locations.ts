import type { DataLocations } from '../config/vault-config';
import { BackupNotSupportedError } from './backup.errors';

/** Where the embedded default keeps everything; refuses any other backend. */
export interface EmbeddedLocations {
  readonly dataDir: string;
  readonly events: string;
  readonly readModel: string;
  readonly blobs: string;
  readonly keys: string;
}

export function embeddedLocations(config: DataLocations): EmbeddedLocations {
  if (config.storage.eventStore.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${config.storage.eventStore.kind} event store`);
  if (config.storage.readModel.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${config.storage.readModel.kind} read model`);
  if (config.storage.blobStore.kind !== 'file') throw new BackupNotSupportedError(`the ${config.storage.blobStore.kind} blob store`);
  const keyStore = config.encryption.keyStore;
  if (keyStore.kind !== 'sqlite') throw new BackupNotSupportedError(`the ${keyStore.kind} key store`);
  return { dataDir: config.storage.dataDir, events: config.storage.eventStore.file, readModel: config.storage.readModel.file, blobs: config.storage.blobStore.dir, keys: keyStore.file };
}
