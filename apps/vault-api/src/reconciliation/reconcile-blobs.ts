import { BlobIntegrityError, BlobLockedError, BlobNotFoundError, type BlobStore, type StoredBlob } from '@kluis/blob-store';
import type { EventStore } from '@kluis/event-store';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { readBlobRegistry, type RegisteredBlob } from './blob-registry';
import type { HashMismatch, OrphanBlob, ReconciliationReport } from './reconciliation-report';

export interface ReconcileOptions {
  readonly now: () => Date;
  /** Read and hash every registered blob, not only compare the store's own record of it. Reads everything. */
  readonly deep: boolean;
  /** Delete orphans that have been orphans for longer than the grace period. */
  readonly repair: boolean;
  /**
   * An upload stores its blob before its event, so a young orphan may be an upload still in flight: it is never
   * deleted before it has been seen orphaned for this long.
   */
  readonly orphanGraceMs: number;
  /** When earlier runs first saw each orphan; carried from run to run. */
  readonly orphansFirstSeen: ReadonlyMap<string, string>;
}

/**
 * Compares the blob store with the registry. The events are read before the blobs are listed: every blob an event
 * points at was stored before that event was written, so it must be in the listing that follows, and a blob
 * stored meanwhile can only show up as a (young) orphan, never as a false "missing".
 */
export async function reconcileBlobs(store: EventStore, blobs: BlobStore, options: ReconcileOptions): Promise<ReconciliationReport> {
  const startedAt = options.now();
  const registry = await readBlobRegistry(store);
  const seen = new Set<string>();
  const mismatches: HashMismatch[] = [];
  const unregistered: StoredBlob[] = [];
  let stored = 0;
  for await (const blob of blobs.list()) {
    stored += 1;
    const registered = registry.blobs.get(blob.key);
    if (!registered) {
      unregistered.push(blob);
      continue;
    }
    seen.add(blob.key);
    const mismatch = options.deep ? await checkContent(blobs, blob.key, registered) : checkStored(blob, registered);
    if (mismatch) mismatches.push(mismatch);
  }
  const missing = [...registry.blobs]
    .filter(([key]) => !seen.has(key))
    .map(([key, { documentId }]) => ({ key, documentId }));

  // An orphan is deleted only after a last look at the events written since the registry was read.
  await readBlobRegistry(store, registry);
  const orphans: OrphanBlob[] = [];
  const deletedOrphans: string[] = [];
  const lockedOrphans: string[] = [];
  for (const blob of unregistered) {
    if (registry.blobs.has(blob.key)) continue;
    const firstSeenAt = options.orphansFirstSeen.get(blob.key) ?? startedAt.toISOString();
    const pastGrace = startedAt.getTime() - Date.parse(firstSeenAt) >= options.orphanGraceMs;
    if (options.repair && pastGrace) {
      const outcome = await deleteOrphan(blobs, blob.key);
      if (outcome === 'deleted') {
        deletedOrphans.push(blob.key);
        continue;
      }
      lockedOrphans.push(blob.key);
    }
    orphans.push({ key: blob.key, size: blob.size, firstSeenAt });
  }
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: options.now().toISOString(),
    deep: options.deep,
    registered: registry.blobs.size,
    stored,
    missing,
    mismatches,
    orphans,
    deletedOrphans,
    lockedOrphans,
  };
}

function checkStored(blob: StoredBlob, registered: RegisteredBlob): HashMismatch | null {
  if (blob.sha256 === registered.sha256 && blob.size === registered.size) return null;
  return mismatch(blob.key, registered, { sha256: blob.sha256, size: blob.size }, 'stored');
}

async function checkContent(blobs: BlobStore, key: string, registered: RegisteredBlob): Promise<HashMismatch | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    const content: Readable = await blobs.get(key);
    for await (const chunk of content) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if (error instanceof BlobIntegrityError) return mismatch(key, registered, error.actualSha256 ? { sha256: error.actualSha256, size } : null, 'content');
    if (error instanceof BlobNotFoundError) return mismatch(key, registered, null, 'content');
    throw error;
  }
  const sha256 = hash.digest('hex');
  if (sha256 === registered.sha256 && size === registered.size) return null;
  return mismatch(key, registered, { sha256, size }, 'content');
}

const mismatch = (key: string, registered: RegisteredBlob, found: HashMismatch['found'], checked: HashMismatch['checked']): HashMismatch => ({
  key,
  documentId: registered.documentId,
  expected: { sha256: registered.sha256, size: registered.size },
  found,
  checked,
});

async function deleteOrphan(blobs: BlobStore, key: string): Promise<'deleted' | 'locked'> {
  try {
    await blobs.delete(key);
    return 'deleted';
  } catch (error) {
    if (error instanceof BlobLockedError) return 'locked';
    throw error;
  }
}
