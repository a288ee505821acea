import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { DevSigningKeyError } from '../auth.errors';

export const DEV_ISSUER = 'kluis-dev';
export const DEV_AUDIENCE = 'kluis';
export const DEV_ALGORITHM = 'ES256';
export const DEV_SIGNING_KEY_FILE = 'dev-signing-key.json';

export interface DevSigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
}

interface DevSigningKeyFile {
  readonly alg: typeof DEV_ALGORITHM;
  readonly privateJwk: JWK;
  readonly createdAt: string;
}

export const devSigningKeyPath = (dataDir: string): string => join(dataDir, DEV_SIGNING_KEY_FILE);

/**
 * The key pair dev mode signs with, created on first use and kept in the data directory so that tokens survive
 * restarts and are shared by the server and the token command.
 */
export async function loadOrCreateDevSigningKey(dataDir: string): Promise<DevSigningKey> {
  const file = devSigningKeyPath(dataDir);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await createKeyFile(dataDir, file);
  const created = await readKeyFile(file);
  if (!created) throw new DevSigningKeyError(file, 'dev signing key disappeared right after it was created');
  return created;
}

async function createKeyFile(dataDir: string, file: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const content: DevSigningKeyFile = {
    alg: DEV_ALGORITHM,
    privateJwk: await exportJWK(privateKey),
    createdAt: new Date().toISOString(),
  };
  const temp = join(dataDir, `.${DEV_SIGNING_KEY_FILE}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // link() never replaces an existing file and publishes a complete one: when two processes start together,
    // only the first key lands and the other process reads it back instead of its own.
    await link(temp, file).catch((error: unknown) => {
      if (!isErrorWithCode(error, 'EEXIST')) throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
}

async function readKeyFile(file: string): Promise<DevSigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorWithCode(error, 'ENOENT')) return undefined;
    throw new DevSigningKeyError(file, 'cannot read the dev signing key', { cause: error });
  }
  const privateJwk = parsePrivateJwk(text);
  if (!privateJwk) throw new DevSigningKeyError(file, 'the dev signing key file does not hold an ES256 private key');
  const publicJwk: JWK = { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x, y: privateJwk.y };
  try {
    return {
      kid: await calculateJwkThumbprint(publicJwk),
      privateKey: asKeyLike(await importJWK(privateJwk, DEV_ALGORITHM)),
      publicKey: asKeyLike(await importJWK(publicJwk, DEV_ALGORITHM)),
    };
  } catch (error) {
    throw new DevSigningKeyError(file, 'the dev signing key cannot be imported', { cause: error });
  }
}

function parsePrivateJwk(text: string): JWK | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed['alg'] !== DEV_ALGORITHM || !isRecord(parsed['privateJwk'])) return undefined;
  const { kty, crv, x, y, d } = parsed['privateJwk'];
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || typeof d !== 'string') {
    return undefined;
  }
  return { kty, crv, x, y, d };
}

function asKeyLike(key: KeyLike | Uint8Array): KeyLike {
  if (key instanceof Uint8Array) throw new TypeError('expected an asymmetric key');
  return key;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Not `instanceof Error`: errors from Node's own modules may come from another realm (test sandboxes).
const isErrorWithCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
