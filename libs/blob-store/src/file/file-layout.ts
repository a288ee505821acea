import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BlobIntegrityError } from '../blob-store.errors';
import type { StoredBlob } from '../blob-store.port';
import { isValidBlobKey } from '../shared/blob-key';

/**
 * Where a blob lives under the root. Key `a/b` is directory `a/` holding the sidecar `b.meta`, the bytes in
 * `b.<token>.blob` and, while it has a retention or a legal hold, `b.lock` (see `blob-locks.ts`). Key segments never contain a dot, so these names cannot collide with another key's directory
 * (`a/b` and `a/b/c` coexist), and names starting with a dot are free for temporary files.
 *
 * The sidecar is the commit point: a blob exists exactly when its sidecar does, and the sidecar names its data file,
 * so a data file without a sidecar (a put that crashed) is invisible garbage.
 */
export interface BlobLocation {
  readonly key: string;
  readonly dir: string;
  readonly sidecarPath: string;
  readonly name: string;
}

export interface Sidecar {
  readonly stored: StoredBlob;
  readonly dataFile: string;
}

const SIDECAR_SUFFIX = '.meta';
const FORMAT = 1;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function locate(root: string, key: string): BlobLocation {
  const segments = key.split('/');
  const name = segments[segments.length - 1];
  const dir = join(root, ...segments.slice(0, -1));
  return { key, dir, name, sidecarPath: join(dir, `${name}${SIDECAR_SUFFIX}`) };
}

/** Names for one put attempt; the random token keeps concurrent attempts at the same key apart. */
export function attemptNames(location: BlobLocation): { dataFile: string; sidecarTemp: string } {
  const token = randomBytes(8).toString('hex');
  return {
    dataFile: `${location.name}.${token}.blob`,
    sidecarTemp: join(location.dir, `.${location.name}.${token}.meta.tmp`),
  };
}

/** The key of a sidecar file found while walking the root, or undefined for any other file. */
export function keyOfSidecar(relativeDir: string[], fileName: string): string | undefined {
  if (!fileName.endsWith(SIDECAR_SUFFIX)) return undefined;
  const key = [...relativeDir, fileName.slice(0, -SIDECAR_SUFFIX.length)].join('/');
  return isValidBlobKey(key) ? key : undefined;
}

export function serializeSidecar(sidecar: Sidecar): string {
  const { size, sha256 } = sidecar.stored;
  return JSON.stringify({ format: FORMAT, size, sha256, dataFile: sidecar.dataFile });
}

export function parseSidecar(location: BlobLocation, text: string): Sidecar {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable(location);
  }
  const { format, size, sha256, dataFile } = (parsed ?? {}) as Record<string, unknown>;
  const dataFilePattern = new RegExp(`^${location.name}\\.[0-9a-f]{16}\\.blob$`);
  if (
    format !== FORMAT ||
    typeof size !== 'number' ||
    !Number.isSafeInteger(size) ||
    size < 0 ||
    typeof sha256 !== 'string' ||
    !SHA256_HEX.test(sha256) ||
    typeof dataFile !== 'string' ||
    !dataFilePattern.test(dataFile)
  ) {
    throw unreadable(location);
  }
  return { stored: { key: location.key, size, sha256 }, dataFile };
}

// A sidecar that cannot be read leaves nothing to check the bytes against: the blob cannot be vouched for.
const unreadable = (location: BlobLocation): BlobIntegrityError => new BlobIntegrityError(location.key, '', '');
