import { randomUUID } from 'node:crypto';
import { link, opendir, open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobAlreadyExistsError,
  BlobIntegrityError,
  BlobLockedError,
  BlobNotFoundError,
  BlobStoreUnavailableError,
} from '../blob-store.errors';
import type { BlobHead, BlobStore, StoredBlob } from '../blob-store.port';
import { assertValidBlobKey } from '../shared/blob-key';
import { retentionInstant } from '../shared/retention-instant';
import { HashingPassThrough } from '../shared/hashing-pass-through';
import { verifiedRead } from '../shared/verified-read';
import { isInForce, readLock, removeLock, writeLock, type BlobLock } from './blob-locks';
import { ensureDirectory, isNodeError, removeIfPresent, syncDirectory, writeNewFileDurably } from './durable-fs';
import {
  attemptNames,
  keyOfSidecar,
  locate,
  parseSidecar,
  serializeSidecar,
  type BlobLocation,
  type Sidecar,
} from './file-layout';
import { keyQueue } from './key-queue';

export interface FileBlobStoreOptions {
  /** Decides when a retention has passed; the vault passes its own clock, so tests can move it. */
  readonly now?: () => Date;
}

/**
 * Blobs in a directory tree: the embedded default. Every write is flushed to disk before it is acknowledged, and a
 * blob appears under its key in one atomic step (see `file-layout.ts`), so a crash never leaves half a blob visible.
 */
export function createFileBlobStore(rootDir: string, options: FileBlobStoreOptions = {}): BlobStore {
  const root = resolve(rootDir);
  const now = options.now ?? (() => new Date());
  const oneAtATime = keyQueue();

  async function readSidecar(location: BlobLocation): Promise<Sidecar | null> {
    let text: string;
    try {
      text = await readFile(location.sidecarPath, 'utf8');
    } catch (error) {
      if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) return null;
      throw unavailable('read', error);
    }
    return parseSidecar(location, text);
  }

  async function put(key: string, content: Readable): Promise<StoredBlob> {
    assertValidBlobKey(key);
    const location = locate(root, key);
    await ensureDirectory(location.dir).catch((error: unknown) => {
      throw unavailable('create the directory of', error);
    });
    if ((await readSidecar(location)) !== null) throw new BlobAlreadyExistsError(key);

    const { dataFile, sidecarTemp } = attemptNames(location);
    const dataPath = join(location.dir, dataFile);
    let sourceFailure: unknown;
    let committed = false;
    try {
      const hasher = new HashingPassThrough();
      await writeNewFileDurably(dataPath, (file) =>
        streamInto(content, hasher, file).catch((error: unknown) => {
          if (!(error instanceof BlobStoreUnavailableError)) sourceFailure = error;
          throw error;
        }),
      );
      const stored: StoredBlob = { key, size: hasher.size, sha256: hasher.sha256 };
      await writeNewFileDurably(sidecarTemp, serializeSidecar({ stored, dataFile }));
      // link, unlike rename, refuses an existing name: of concurrent puts to one key exactly one gets past it.
      await link(sidecarTemp, location.sidecarPath).catch((error: unknown) => {
        throw isNodeError(error, 'EEXIST') ? new BlobAlreadyExistsError(key) : error;
      });
      committed = true;
      await rm(sidecarTemp, { force: true });
      await syncDirectory(location.dir);
      return stored;
    } catch (error) {
      await removeIfPresent(sidecarTemp, ...(committed ? [] : [dataPath])).catch(() => undefined);
      if (
        error === sourceFailure ||
        error instanceof BlobAlreadyExistsError ||
        error instanceof BlobStoreUnavailableError
      ) {
        throw error;
      }
      throw unavailable('write', error);
    }
  }

  async function get(key: string): Promise<Readable> {
    assertValidBlobKey(key);
    const location = locate(root, key);
    const sidecar = await readSidecar(location);
    if (sidecar === null) throw new BlobNotFoundError(key);
    let handle;
    try {
      handle = await open(join(location.dir, sidecar.dataFile), 'r');
    } catch (error) {
      if (!isNodeError(error, 'ENOENT')) throw unavailable('read', error);
      // Deleted since its sidecar was read, the blob is simply gone; with its sidecar still there, its bytes are lost.
      if ((await readSidecar(location)) === null) throw new BlobNotFoundError(key);
      throw new BlobIntegrityError(key, sidecar.stored.sha256, '');
    }
    return verifiedRead(handle.createReadStream(), sidecar.stored, (error) => unavailable('read', error));
  }

  async function head(key: string): Promise<BlobHead | null> {
    assertValidBlobKey(key);
    const location = locate(root, key);
    const sidecar = await readSidecar(location);
    if (sidecar === null) return null;
    const lock = await lockOf(location);
    return {
      ...sidecar.stored,
      ...(lock.retainUntil !== null && { retainUntil: lock.retainUntil }),
      ...(lock.legalHold && { legalHold: true }),
    };
  }

  async function lockOf(location: BlobLocation): Promise<BlobLock> {
    return readLock(location).catch((error: unknown) => {
      throw error instanceof BlobIntegrityError ? error : unavailable('read the lock of', error);
    });
  }

  /** Runs `change` on the blob's current lock, one change per key at a time, and writes what it returns. */
  async function changeLock(key: string, change: (lock: BlobLock) => BlobLock | null): Promise<void> {
    const location = locate(root, key);
    await oneAtATime(key, async () => {
      if ((await readSidecar(location)) === null) throw new BlobNotFoundError(key);
      const changed = change(await lockOf(location));
      if (changed === null) return;
      await writeLock(location, changed).catch((error: unknown) => {
        throw unavailable('lock', error);
      });
    });
  }

  async function retainUntil(key: string, until: Date): Promise<void> {
    assertValidBlobKey(key);
    const instant = retentionInstant(until);
    await changeLock(key, (lock) => {
      const current = lock.retainUntil === null ? -Infinity : Date.parse(lock.retainUntil);
      if (instant.getTime() <= Math.max(current, now().getTime())) return null;
      return { ...lock, retainUntil: instant.toISOString() };
    });
  }

  async function legalHold(key: string, on: boolean): Promise<void> {
    assertValidBlobKey(key);
    await changeLock(key, (lock) => (lock.legalHold === on ? null : { ...lock, legalHold: on }));
  }

  async function remove(key: string): Promise<void> {
    assertValidBlobKey(key);
    await oneAtATime(key, () => removeUnlocked(locate(root, key)));
  }

  async function removeUnlocked(location: BlobLocation): Promise<void> {
    if (isInForce(await lockOf(location), now())) throw new BlobLockedError(location.key);
    const sidecar = await readSidecar(location).catch((error: unknown) => {
      // A blob whose sidecar is unreadable can still be deleted; its data file is then left for reconciliation.
      if (error instanceof BlobIntegrityError) return null;
      throw error;
    });
    try {
      // The lock goes first: it no longer forbids anything, and left behind it would lock the next blob put here.
      await removeLock(location);
      await rm(location.sidecarPath, { force: true });
      await syncDirectory(location.dir).catch((error: unknown) => {
        if (!isNodeError(error, 'ENOENT')) throw error;
      });
      if (sidecar) await rm(join(location.dir, sidecar.dataFile), { force: true });
    } catch (error) {
      throw unavailable('delete', error);
    }
  }

  async function* list(): AsyncIterable<StoredBlob> {
    yield* walk([]);
  }

  async function* walk(relativeDir: string[]): AsyncGenerator<StoredBlob> {
    let dir;
    try {
      dir = await opendir(join(root, ...relativeDir));
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return;
      throw unavailable('list', error);
    }
    for await (const entry of dir) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) yield* walk([...relativeDir, entry.name]);
        continue;
      }
      const key = entry.isFile() ? keyOfSidecar(relativeDir, entry.name) : undefined;
      if (key === undefined) continue;
      const sidecar = await readSidecar(locate(root, key));
      if (sidecar) yield sidecar.stored;
    }
  }

  async function ping(): Promise<void> {
    const probe = join(root, `.ping-${randomUUID()}`);
    try {
      await ensureDirectory(root);
      await writeNewFileDurably(probe, 'ping');
      await rm(probe, { force: true });
    } catch (error) {
      throw unavailable('write a probe in', error);
    }
  }

  return { put, get, head, delete: remove, retainUntil, legalHold, list, ping };
}

/**
 * Pipes `content` through `hasher` into `file`. A failure of the source is rethrown as it is, as the port promises;
 * a failure of the file is the store's. pipeline destroys every stream with the first error, so only the order of
 * the error events tells where it started.
 */
async function streamInto(content: Readable, hasher: HashingPassThrough, file: Writable): Promise<void> {
  let fileFailedFirst: boolean | undefined;
  const onSourceError = (): boolean => (fileFailedFirst ??= false);
  const onFileError = (): boolean => (fileFailedFirst ??= true);
  content.once('error', onSourceError);
  file.once('error', onFileError);
  try {
    await pipeline(content, hasher, file);
  } catch (error) {
    throw fileFailedFirst ? unavailable('write', error) : error;
  } finally {
    content.off('error', onSourceError);
    file.off('error', onFileError);
  }
}

function unavailable(action: string, cause: unknown): BlobStoreUnavailableError {
  return new BlobStoreUnavailableError(`the file blob store could not ${action} a blob`, { cause });
}
