import { DEFAULT_KEY_STORE_FILE, InvalidMasterKeyError, type KeyStoreLocation, type MasterKeyOptions, parseMasterKey } from '@kluis/crypto';
import { join } from 'node:path';
import { localPath } from './backend-locations';
import { ConfigError } from './config-error';
import { isProduction } from './deployment-mode';

/** Where customers' data keys are kept, how the master key wrapping them is found, and where erasures are recorded. */
export interface EncryptionConfig {
  readonly keyStore: KeyStoreLocation;
  readonly masterKeys: MasterKeyOptions;
  /**
   * The record of every destroyed key, appended before the key store forgets a key. It lives outside every backup,
   * so a key store restored from an older backup can be shredded again.
   */
  readonly tombstoneJournal: string;
}

const MASTER_KEY_VARIABLES = ['VAULT_MASTER_KEY', 'VAULT_MASTER_KEY_FILE', 'VAULT_PREVIOUS_MASTER_KEYS'] as const;

/**
 * Checks everything that can be checked without I/O, so a bad key stops the vault with a ConfigError naming the
 * variable. A generated master key is dev mode only: in production a key in the data directory would sit beside
 * the data it protects.
 */
export function loadEncryptionConfig(env: NodeJS.ProcessEnv, dataDir: string): EncryptionConfig {
  const production = isProduction(env);
  const masterKeyEnv = Object.fromEntries(MASTER_KEY_VARIABLES.map((name) => [name, env[name]?.trim() || undefined]));
  if (masterKeyEnv.VAULT_MASTER_KEY && masterKeyEnv.VAULT_MASTER_KEY_FILE) {
    throw new ConfigError('set VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE, not both');
  }
  if (production && !masterKeyEnv.VAULT_MASTER_KEY && !masterKeyEnv.VAULT_MASTER_KEY_FILE) {
    throw new ConfigError('VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE is required when NODE_ENV=production (generate one with `openssl rand -base64 32`)');
  }
  asConfigError(() => {
    if (masterKeyEnv.VAULT_MASTER_KEY) parseMasterKey(masterKeyEnv.VAULT_MASTER_KEY, 'VAULT_MASTER_KEY');
    masterKeyEnv.VAULT_PREVIOUS_MASTER_KEYS?.split(',').forEach((entry, index) => parseMasterKey(entry, `VAULT_PREVIOUS_MASTER_KEYS (entry ${index + 1})`));
  });
  return {
    keyStore: keyStoreLocation(env.VAULT_KEY_STORE, dataDir),
    masterKeys: { env: masterKeyEnv, dataDir, allowGeneratedKey: !production },
    tombstoneJournal: env.VAULT_KEY_TOMBSTONES ? localPath(env.VAULT_KEY_TOMBSTONES, 'VAULT_KEY_TOMBSTONES') : join(dataDir, 'key-tombstones.jsonl'),
  };
}

export function asConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof InvalidMasterKeyError) throw new ConfigError(error.message);
    throw error;
  }
}

function keyStoreLocation(value: string | undefined, dataDir: string): KeyStoreLocation {
  if (!value) return { kind: 'sqlite', file: join(dataDir, DEFAULT_KEY_STORE_FILE) };
  if (value.startsWith('sqlite:')) return { kind: 'sqlite', file: localPath(value.slice('sqlite:'.length), 'VAULT_KEY_STORE') };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  throw new ConfigError('VAULT_KEY_STORE must start with sqlite: or postgres://');
}
