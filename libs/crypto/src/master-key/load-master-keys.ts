import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidMasterKeyError } from '../crypto.errors';
import { MASTER_KEY_BYTES, type MasterKey, parseMasterKey } from './master-key';
import { type MasterKeyRing, masterKeyRing } from './master-key-ring';

export const DEV_MASTER_KEY_FILE = 'dev-master-key';

export interface MasterKeyOptions {
  /** Reads VAULT_MASTER_KEY, VAULT_MASTER_KEY_FILE and VAULT_PREVIOUS_MASTER_KEYS. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir: string;
  /**
   * Whether a missing master key may be generated into the data directory. Only outside production: a key beside
   * the data it protects protects nothing from whoever copies the directory.
   */
  readonly allowGeneratedKey: boolean;
}

export const devMasterKeyPath = (dataDir: string): string => join(dataDir, DEV_MASTER_KEY_FILE);

/**
 * The master key ring from the environment: the current key from VAULT_MASTER_KEY (base64 of 32 random bytes) or
 * the file VAULT_MASTER_KEY_FILE names, and during a rotation the keys it replaces from VAULT_PREVIOUS_MASTER_KEYS
 * (comma-separated base64). With neither and `allowGeneratedKey`, a key generated once in the data directory.
 */
export async function loadMasterKeyRing(options: MasterKeyOptions): Promise<MasterKeyRing> {
  return masterKeyRing(await currentMasterKey(options), previousMasterKeys(options.env));
}

async function currentMasterKey({ env, dataDir, allowGeneratedKey }: MasterKeyOptions): Promise<MasterKey> {
  const inline = read(env, 'VAULT_MASTER_KEY');
  const file = read(env, 'VAULT_MASTER_KEY_FILE');
  if (inline && file) throw new InvalidMasterKeyError('VAULT_MASTER_KEY', 'set VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE, not both');
  if (inline) return parseMasterKey(inline, 'VAULT_MASTER_KEY');
  if (file) return parseMasterKey(await readKeyFile(file, 'VAULT_MASTER_KEY_FILE'), 'VAULT_MASTER_KEY_FILE');
  if (!allowGeneratedKey) {
    throw new InvalidMasterKeyError('VAULT_MASTER_KEY', 'VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE is required in production');
  }
  return loadOrCreateDevMasterKey(dataDir);
}

function previousMasterKeys(env: MasterKeyOptions['env']): MasterKey[] {
  const list = read(env, 'VAULT_PREVIOUS_MASTER_KEYS');
  if (!list) return [];
  return list.split(',').map((entry, index) => parseMasterKey(entry, `VAULT_PREVIOUS_MASTER_KEYS (entry ${index + 1})`));
}

async function loadOrCreateDevMasterKey(dataDir: string): Promise<MasterKey> {
  if (dataDir.trim() === '') throw new InvalidMasterKeyError('VAULT_DATA_DIR', 'a generated master key needs a data directory');
  const file = devMasterKeyPath(dataDir);
  const existing = await readKeyFile(file, file).catch((error: unknown) => {
    if (error instanceof InvalidMasterKeyError && isErrorWithCode(error.cause, 'ENOENT')) return undefined;
    throw error;
  });
  if (existing !== undefined) return parseMasterKey(existing, file);
  await createKeyFile(dataDir, file);
  return parseMasterKey(await readKeyFile(file, file), file);
}

async function createKeyFile(dataDir: string, file: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temp = join(dataDir, `.${DEV_MASTER_KEY_FILE}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // link() never replaces an existing file and publishes a complete one: when two processes start together,
    // only the first key lands and the other reads it back. Two keys would wrap data keys nobody could open.
    await link(temp, file).catch((error: unknown) => {
      if (!isErrorWithCode(error, 'EEXIST')) throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
}

async function readKeyFile(file: string, source: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidMasterKeyError(source, 'the master key file cannot be read', { cause: error });
  }
}

function read(env: MasterKeyOptions['env'], name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

// Not `instanceof Error`: errors from Node's own modules may come from another realm (test sandboxes).
const isErrorWithCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
