import { BlobIntegrityError, BlobNotFoundError, type BlobStore } from '@kluis/blob-store';

export interface CopiedBlobs {
  readonly count: number;
  readonly bytes: number;
  /** Blobs whose bytes no longer match their hash: not copied, since a copy would vouch for them. */
  readonly corrupt: readonly string[];
}

const PARALLEL = 4;

/**
 * Copies every blob of `from` into `to` through the blob store port: each is re-hashed on the way and written
 * durably, and one deleted while the copy runs is simply not there to copy. Retention and legal holds go with it:
 * a restored vault must refuse to delete what the law keeps, as the original did.
 */
export async function copyBlobs(from: BlobStore, to: BlobStore): Promise<CopiedBlobs> {
  let count = 0;
  let bytes = 0;
  const corrupt: string[] = [];
  let failed = false;
  const copyOne = async (key: string) => {
    try {
      const stored = await to.put(key, await from.get(key));
      await copyLocks(from, to, key);
      count += 1;
      bytes += stored.size;
    } catch (error) {
      if (error instanceof BlobIntegrityError) corrupt.push(key);
      else if (!(error instanceof BlobNotFoundError)) throw error;
    }
  };
  // Workers share one listing: an async generator hands each of them the next blob in turn.
  const listing = from.list()[Symbol.asyncIterator]();
  const worker = async () => {
    for (let next = await listing.next(); !next.done && !failed; next = await listing.next()) {
      await copyOne(next.value.key).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { count, bytes, corrupt };
}

async function copyLocks(from: BlobStore, to: BlobStore, key: string): Promise<void> {
  const locks = await from.head(key);
  if (locks?.retainUntil) await to.retainUntil(key, new Date(locks.retainUntil));
  if (locks?.legalHold) await to.legalHold(key, true);
}
