import { BlobIntegrityError, BlobLockedError, BlobNotFoundError, type BlobStore, type StoredBlob } from '@kluis/blob-store';
import { DecryptionError } from '@kluis/crypto';
import type { EventStore } from '@kluis/event-store';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DocumentContentStore } from '../encryption/document-content-store';
import { ContentErased } from '../shared/erasure/content-erased.error';
import { readBlobRegistry, type RegisteredBlob } from './blob-registry';
import type { HashMismatch, MissingBlob, OrphanBlob, ReconciliationReport } from './reconciliation-report';

/** Blobs are encrypted at rest: their plaintext is reached, and erased customers told apart, through the content store. */
export type EncryptedContents = Pick<DocumentContentStore, 'get' | 'isErased' | 'storedSize'>;

export interface ReconcileOptions {
  readonly now: () => Date;
  readonly contents: EncryptedContents;
  /**
   * Decrypt and hash every registered blob, not only compare the store's own record of its size. Reads everything;
   * erased customers' blobs can no longer be read and are counted instead.
   */
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
  let erased = 0;
  for await (const blob of blobs.list()) {
    stored += 1;
    const registered = registry.blobs.get(blob.key);
    if (!registered) {
      unregistered.push(blob);
      continue;
    }
    seen.add(blob.key);
    if (!options.deep) {
      const mismatch = checkStored(blob, registered, options.contents);
      if (mismatch) mismatches.push(mismatch);
      continue;
    }
    const checked = await checkContent(options.contents, blob.key, registered);
    if (checked === 'erased') erased += 1;
    else if (checked) mismatches.push(checked);
  }
  // The blobs of an erased customer may be deleted: their absence is the erasure, not a loss.
  const missing: MissingBlob[] = [];
  for (const [key, { documentId, customerId }] of registry.blobs) {
    if (seen.has(key)) continue;
    if (await options.contents.isErased(customerId)) erased += 1;
    else missing.push({ key, documentId });
  }

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
    erased,
    missing,
    mismatches,
    orphans,
    deletedOrphans,
    lockedOrphans,
  };
}

// The store hashes what it holds, the ciphertext, so only the size can be held against the registry without the key.
function checkStored(blob: StoredBlob, registered: RegisteredBlob, contents: EncryptedContents): HashMismatch | null {
  if (blob.size === contents.storedSize(registered.size)) return null;
  return mismatch(blob.key, registered, { sha256: blob.sha256, size: blob.size }, 'stored');
}

async function checkContent(contents: EncryptedContents, key: string, registered: RegisteredBlob): Promise<HashMismatch | 'erased' | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    const content: Readable = await contents.get(registered.customerId, key);
    for await (const chunk of content) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if (error instanceof ContentErased) return 'erased';
    // Altered bytes fail decryption or the store's own hash; either way no trustworthy plaintext hash exists.
    if (error instanceof DecryptionError || error instanceof BlobIntegrityError || error instanceof BlobNotFoundError) {
      return mismatch(key, registered, null, 'content');
    }
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
