import { randomUUID } from 'node:crypto';
import type { S3BlobStoreConfig } from './s3-blob-store.config';
import { createS3Client } from './s3-client';
import { withDeadline } from './s3-deadlines';
import { s3ErrorCode, toBlobStoreError } from './s3-errors';
import { extendRetention, lockOf } from './s3-object-lock';

/** Not a blob key (blob keys hold no dot), so listing, reconciliation and backups never take a canary for a blob. */
export const LOCK_CANARY_PREFIX = '.lock-canary/';
/** How long a canary is retained: long enough to try deleting it, short enough to clean it up soon after. */
export const LOCK_CANARY_RETENTION_MS = 60_000;

/** What a canary showed: the server refused to delete a version under COMPLIANCE retention, or it did not. */
export type LockProof = 'enforced' | 'not-enforced';

export interface ObjectLockCanary {
  /**
   * Writes a canary under COMPLIANCE retention for a minute and tries to delete that very version. A server that
   * accepts the retention and then deletes anyway (some S3 servers store it without enforcing it) answers
   * `not-enforced`. Canaries whose retention has ended are removed first.
   */
  prove(): Promise<LockProof>;
}

/** A canary for the blob bucket of an S3 store configured with object lock; a bank cannot take the server's word. */
export function createObjectLockCanary(config: S3BlobStoreConfig): ObjectLockCanary {
  const client = createS3Client(config);
  const { bucket, timeoutMs } = config;
  const call = <T>(operation: string, run: () => Promise<T>): Promise<T> =>
    withDeadline(operation, timeoutMs, run).catch((error: unknown) => {
      throw toBlobStoreError(error, operation);
    });

  async function canaryVersions(): Promise<{ name: string; versionId: string }[]> {
    const versions: { name: string; versionId: string }[] = [];
    let keyMarker = '';
    let versionIdMarker = '';
    for (;;) {
      const page = await call('list canaries', () =>
        client.listObjectsQuery(bucket, LOCK_CANARY_PREFIX, '', { Delimiter: '', MaxKeys: 1000, IncludeVersion: true, keyMarker, versionIdMarker }),
      );
      for (const entry of page.objects as { name?: string; versionId?: string }[]) {
        if (entry.name?.startsWith(LOCK_CANARY_PREFIX) && entry.versionId) versions.push({ name: entry.name, versionId: entry.versionId });
      }
      if (!page.isTruncated || (!page.keyMarker && !page.versionIdMarker)) return versions;
      keyMarker = page.keyMarker ?? '';
      versionIdMarker = page.versionIdMarker ?? '';
    }
  }

  // The server's own record of each retention decides, not the canary's name: a bucket default may have kept it longer.
  async function removeExpired(now: number): Promise<void> {
    for (const { name, versionId } of await canaryVersions()) {
      const { retainUntil } = await lockOf(client, { bucket, key: name, versionId }, call);
      if (retainUntil !== null && Date.parse(retainUntil) > now) continue;
      await call('remove canary', () => client.removeObject(bucket, name, { versionId })).catch((error: unknown) => {
        // Still locked by the server's clock, which may run behind ours: the next run removes it.
        if (s3ErrorCode((error as { cause?: unknown }).cause) !== 'AccessDenied') throw error;
      });
    }
  }

  async function prove(): Promise<LockProof> {
    await removeExpired(Date.now());
    const retainUntil = new Date(Date.now() + LOCK_CANARY_RETENTION_MS);
    const name = `${LOCK_CANARY_PREFIX}${retainUntil.toISOString()}-${randomUUID()}`;
    const written = await call('write canary', () => client.putObject(bucket, name, Buffer.from('object lock canary')));
    if (!written.versionId) return 'not-enforced';
    const version = { bucket, key: name, versionId: written.versionId };
    // A bucket's default retention may already keep it longer; retention only grows, so the canary then stays until
    // that ends, and a later run removes it.
    await extendRetention(client, version, retainUntil, 'COMPLIANCE', call);
    const { retainUntil: kept } = await lockOf(client, version, call);
    if (kept === null) return 'not-enforced';
    const { versionId } = version;
    try {
      await withDeadline('delete canary', timeoutMs, () => client.removeObject(bucket, name, { versionId }));
    } catch (error) {
      if (s3ErrorCode(error) === 'AccessDenied') return 'enforced';
      throw toBlobStoreError(error, 'delete canary');
    }
    return 'not-enforced';
  }

  return { prove };
}
