import { type AuthConfig, loadAuthConfig } from '@kluis/auth';
import type { ReadModelLocation } from '@kluis/read-models';
import { resolve } from 'node:path';
import { type BlobStoreLocation, blobStoreLocation, type EventStoreLocation, eventStoreLocation, readModelLocation } from './backend-locations';
import { ConfigError } from './config-error';

export const VAULT_CONFIG = Symbol('VAULT_CONFIG');

export interface VaultConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly maxUploadBytes: number;
  readonly eventStore: EventStoreLocation;
  readonly blobStore: BlobStoreLocation;
  readonly readModel: ReadModelLocation;
  readonly auth: AuthConfig;
  /** How long a write waits for the read model to catch up before answering anyway. */
  readonly readYourWritesTimeoutMs: number;
  readonly logLevel: string;
}

const MIB = 1024 * 1024;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name} must be a positive whole number`);
  }
  return Number(raw);
}

/** Reads the whole configuration from the environment. With nothing set, the vault runs embedded under ./data. */
export function loadVaultConfig(env: NodeJS.ProcessEnv): VaultConfig {
  const dataDir = resolve(env.VAULT_DATA_DIR || './data');
  const port = positiveInteger(env, 'PORT', 3000);
  if (port > 65535) throw new ConfigError('PORT must be at most 65535');
  return {
    port,
    dataDir,
    maxUploadBytes: positiveInteger(env, 'VAULT_MAX_UPLOAD_BYTES', 25 * MIB),
    eventStore: eventStoreLocation(env.VAULT_EVENT_STORE, dataDir),
    blobStore: blobStoreLocation(env.VAULT_BLOB_STORE, dataDir),
    readModel: readModelLocation(env.VAULT_READ_MODEL, dataDir),
    auth: loadAuthConfig(env, dataDir),
    readYourWritesTimeoutMs: positiveInteger(env, 'VAULT_READ_YOUR_WRITES_TIMEOUT_MS', 2000),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
