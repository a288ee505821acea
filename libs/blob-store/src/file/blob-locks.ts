import { randomBytes } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobIntegrityError } from '../blob-store.errors';
import { isNodeError, syncDirectory, writeNewFileDurably } from './durable-fs';
import type { BlobLocation } from './file-layout';

/**
 * A blob's retention and legal hold, kept in `<name>.lock` beside its `<name>.meta`. Only sidecars count as blobs when
 * the root is walked, so a lock file is never listed, and no key can name one (keys have no dots). No lock file means
 * no lock.
 */
export interface BlobLock {
  /** ISO 8601, whole seconds. */
  readonly retainUntil: string | null;
  readonly legalHold: boolean;
}

export const NO_LOCK: BlobLock = { retainUntil: null, legalHold: false };

const LOCK_SUFFIX = '.lock';
const FORMAT = 1;

export const lockPathOf = (location: BlobLocation): string => join(location.dir, `${location.name}${LOCK_SUFFIX}`);

export function isInForce(lock: BlobLock, now: Date): boolean {
  return lock.legalHold || (lock.retainUntil !== null && Date.parse(lock.retainUntil) > now.getTime());
}

export async function readLock(location: BlobLocation): Promise<BlobLock> {
  let text: string;
  try {
    text = await readFile(lockPathOf(location), 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) return NO_LOCK;
    throw error;
  }
  return parseLock(location, text);
}

/** Replaces the lock in one atomic rename, flushed to disk first; a lock that forbids nothing is removed instead. */
export async function writeLock(location: BlobLocation, lock: BlobLock): Promise<void> {
  const path = lockPathOf(location);
  if (lock.retainUntil === null && !lock.legalHold) {
    await rm(path, { force: true });
  } else {
    const temp = join(location.dir, `.${location.name}.${randomBytes(8).toString('hex')}${LOCK_SUFFIX}.tmp`);
    try {
      await writeNewFileDurably(temp, JSON.stringify({ format: FORMAT, ...lock }));
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
  await syncDirectory(location.dir);
}

export async function removeLock(location: BlobLocation): Promise<void> {
  await rm(lockPathOf(location), { force: true });
}

function parseLock(location: BlobLocation, text: string): BlobLock {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable(location);
  }
  const { format, retainUntil, legalHold } = (parsed ?? {}) as Record<string, unknown>;
  const validDate = typeof retainUntil === 'string' && !Number.isNaN(Date.parse(retainUntil));
  if (format !== FORMAT || (retainUntil !== null && !validDate) || typeof legalHold !== 'boolean') {
    throw unreadable(location);
  }
  return { retainUntil: retainUntil as string | null, legalHold };
}

// A lock that cannot be read might forbid deleting the blob: the store refuses to guess.
const unreadable = (location: BlobLocation): BlobIntegrityError => new BlobIntegrityError(location.key, '', '');
