import { InvalidS3BlobStoreConfigError, parseS3BlobStoreUrl, type S3BlobStoreConfig } from '@kluis/blob-store';
import type { ReadModelLocation } from '@kluis/read-models';
import { resolve } from 'node:path';
import { type BlobStoreLocation, blobStoreLocation, type EventStoreLocation, eventStoreLocation, readModelLocation } from './backend-locations';
import { ConfigError } from './config-error';

/** Where the vault keeps its events, its files and its read models. */
export interface StorageConfig {
  readonly dataDir: string;
  readonly eventStore: EventStoreLocation;
  readonly blobStore: BlobStoreLocation;
  /** Parsed at start-up so a bad S3 URL or missing credentials stop the vault before it serves anything. */
  readonly s3: S3BlobStoreConfig | null;
  readonly readModel: ReadModelLocation;
}

/** VAULT_DATA_DIR, VAULT_EVENT_STORE, VAULT_BLOB_STORE with its VAULT_S3_* credentials, and VAULT_READ_MODEL. */
export function loadStorageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const dataDir = resolve(env.VAULT_DATA_DIR || './data');
  const blobStore = blobStoreLocation(env.VAULT_BLOB_STORE, dataDir);
  return {
    dataDir,
    eventStore: eventStoreLocation(env.VAULT_EVENT_STORE, dataDir),
    blobStore,
    s3: blobStore.kind === 's3' ? s3Config(blobStore.url, env) : null,
    readModel: readModelLocation(env.VAULT_READ_MODEL, dataDir),
  };
}

function s3Config(url: string, env: NodeJS.ProcessEnv): S3BlobStoreConfig {
  try {
    return parseS3BlobStoreUrl(url, env);
  } catch (error) {
    if (error instanceof InvalidS3BlobStoreConfigError) throw new ConfigError(`VAULT_BLOB_STORE: ${error.message}`);
    throw error;
  }
}
