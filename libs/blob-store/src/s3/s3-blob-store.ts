import { randomUUID } from 'node:crypto';
import type * as http from 'node:http';
import type { Readable } from 'node:stream';
import { CopyDestinationOptions, CopySourceOptions } from 'minio';
import {
  BlobAlreadyExistsError,
  BlobIntegrityError,
  BlobLockedError,
  BlobLockUnsupportedError,
  BlobNotFoundError,
  BlobStoreUnavailableError,
} from '../blob-store.errors';
import type { BlobHead, BlobStore, StoredBlob } from '../blob-store.port';
import { assertValidBlobKey, isValidBlobKey } from '../shared/blob-key';
import { retentionInstant } from '../shared/retention-instant';
import { verifiedRead } from '../shared/verified-read';
import type { S3BlobStoreConfig } from './s3-blob-store.config';
import { ensureBuckets } from './s3-buckets';
import { createS3Client } from './s3-client';
import { withDeadline } from './s3-deadlines';
import { isMissing, s3ErrorCode, toBlobStoreError } from './s3-errors';
import { extendRetention, lockOf, setLegalHold, type ObjectVersion } from './s3-object-lock';
import { discardStaged, STAGING_PREFIX, uploadToStaging } from './s3-staging-upload';

export interface S3BlobStore extends BlobStore {
  /**
   * Creates the buckets when missing (the blob bucket with object lock and versioning when configured, since object
   * lock can only be chosen at creation), sets the default retention, and refuses a blob bucket that exists
   * without the object lock the configuration asks for.
   */
  ensureBucket(): Promise<void>;
}

/** The hash is kept as user metadata, `x-amz-meta-sha256`, on the object it describes. */
const SHA256_METADATA = 'sha256';
const SHA256_HEX = /^[0-9a-f]{64}$/;
const HEADS_IN_PARALLEL = 16;
// A server-side copy takes time in proportion to the size; assume at least 10 MiB/s before calling it stalled.
const COPY_MS_PER_MIB = 100;

/**
 * Blobs in an S3 bucket (MinIO in production, any S3 server that passes the contract). The SHA-256 is only known
 * once the stream has ended, and metadata can only be set when an object is written, so a put uploads to a staging
 * object first, then copies it server-side to its key with the hash as metadata, in one atomic step that also
 * applies the bucket's default retention (retention headers on the copy itself are ignored by some servers, RGW
 * among them), and then removes the staging object.
 *
 * Retention and legal hold are S3 object lock, set on every version of a key that holds bytes, in the configured
 * mode. A bucket without object lock cannot honour them, so the store refuses them there.
 */
export function createS3BlobStore(config: S3BlobStoreConfig): S3BlobStore {
  const { bucket, stagingBucket, timeoutMs } = config;
  const client = createS3Client(config);

  const call = <T>(operation: string, run: () => Promise<T>, key?: string, deadlineMs = timeoutMs): Promise<T> =>
    withDeadline(operation, deadlineMs, run).catch((error: unknown) => {
      throw toBlobStoreError(error, operation, key);
    });

  async function stat(key: string) {
    try {
      return await withDeadline('head', timeoutMs, () => client.statObject(bucket, key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw toBlobStoreError(error, 'head', key);
    }
  }

  async function head(key: string): Promise<BlobHead | null> {
    assertValidBlobKey(key);
    const found = await stat(key);
    if (found === null) return null;
    const stored = storedOf(key, found);
    if (!config.objectLock || !found.versionId) return stored;
    const lock = await lockOf(client, { bucket, key, versionId: found.versionId }, keyedCall(key));
    return {
      ...stored,
      ...(lock.retainUntil !== null && { retainUntil: lock.retainUntil }),
      ...(lock.legalHold && { legalHold: true }),
    };
  }

  async function storedBlob(key: string): Promise<StoredBlob | null> {
    const found = await stat(key);
    return found === null ? null : storedOf(key, found);
  }

  const storedOf = (key: string, found: { size: number; metaData: Record<string, unknown> }): StoredBlob => ({
    key,
    size: found.size,
    sha256: recordedSha256(key, found.metaData[SHA256_METADATA]),
  });

  const keyedCall =
    (key: string) =>
    <T>(operation: string, run: () => Promise<T>): Promise<T> =>
      call(operation, run, key);

  function objectLockFor(key: string): NonNullable<S3BlobStoreConfig['objectLock']> {
    if (!config.objectLock) throw new BlobLockUnsupportedError(key);
    return config.objectLock;
  }

  /** Every version of `key` that holds bytes; throws when there is none. */
  async function lockableVersions(key: string): Promise<ObjectVersion[]> {
    const versions = (await versionsOf(key)).filter((version) => !version.deleteMarker);
    if (versions.length === 0) throw new BlobNotFoundError(key);
    return versions.map(({ versionId }) => ({ bucket, key, versionId }));
  }

  async function retainUntil(key: string, until: Date): Promise<void> {
    assertValidBlobKey(key);
    const instant = retentionInstant(until);
    const { mode } = objectLockFor(key);
    const versions = await lockableVersions(key);
    // S3 refuses a retention date in the past; such a retention would forbid nothing anyway.
    if (instant.getTime() <= Date.now()) return;
    for (const version of versions) await extendRetention(client, version, instant, mode, keyedCall(key));
  }

  async function legalHold(key: string, on: boolean): Promise<void> {
    assertValidBlobKey(key);
    objectLockFor(key);
    for (const version of await lockableVersions(key)) await setLegalHold(client, version, on, keyedCall(key));
  }

  async function put(key: string, content: Readable): Promise<StoredBlob> {
    assertValidBlobKey(key);
    if ((await stat(key)) !== null) throw new BlobAlreadyExistsError(key);
    const staged = await uploadToStaging(client, stagingBucket, content, timeoutMs);
    try {
      // Checked again now that the upload is over, as another put may have taken the key meanwhile. A copy cannot be
      // made conditional portably (RGW ignores If-None-Match on it), so two puts that pass this check together both
      // copy; in a versioned bucket the first blob then survives as the older version.
      if ((await stat(key)) !== null) throw new BlobAlreadyExistsError(key);
      const source = new CopySourceOptions({
        Bucket: staged.bucket,
        Object: staged.name,
        VersionID: staged.versionId ?? '',
      });
      const destination = new CopyDestinationOptions({
        Bucket: bucket,
        Object: key,
        MetadataDirective: 'REPLACE',
        UserMetadata: { [SHA256_METADATA]: staged.sha256 },
      });
      const copyDeadline = timeoutMs + Math.ceil(staged.size / (1024 * 1024)) * COPY_MS_PER_MIB;
      await call('copy', () => client.copyObject(source, destination), undefined, copyDeadline);
      return { key, size: staged.size, sha256: staged.sha256 };
    } finally {
      await discardStaged(client, staged, timeoutMs);
    }
  }

  async function get(key: string): Promise<Readable> {
    assertValidBlobKey(key);
    // minio answers with the HTTP response itself: its headers carry the hash of exactly the version being read.
    const response = (await call('get', () => client.getObject(bucket, key), key)) as http.IncomingMessage;
    const size = Number(response.headers['content-length']);
    const sha256 = response.headers[`x-amz-meta-${SHA256_METADATA}`];
    try {
      if (!Number.isSafeInteger(size)) throw new BlobIntegrityError(key, '', '');
      return verifiedRead(response, { key, size, sha256: recordedSha256(key, sha256) }, (error) =>
        toBlobStoreError(error, 'download', key),
      );
    } catch (error) {
      response.destroy();
      throw error;
    }
  }

  async function remove(key: string): Promise<void> {
    assertValidBlobKey(key);
    if (!config.versioning) {
      await call('delete', () => client.removeObject(bucket, key), key);
      return;
    }
    // Removing every version, not adding a delete marker: the bytes must really go, or retention must say no.
    // Versions holding bytes first: when retention refuses the first, nothing has changed yet.
    const versions = await versionsOf(key);
    const ordered = [...versions.filter((v) => !v.deleteMarker), ...versions.filter((v) => v.deleteMarker)];
    for (const { versionId } of ordered) {
      await withDeadline('delete', timeoutMs, () => client.removeObject(bucket, key, { versionId })).catch(
        (error: unknown) => {
          if (config.objectLock && s3ErrorCode(error) === 'AccessDenied') throw new BlobLockedError(key);
          if (isMissing(error)) return;
          throw toBlobStoreError(error, 'delete', key);
        },
      );
    }
  }

  async function versionsOf(key: string): Promise<{ versionId: string; deleteMarker: boolean }[]> {
    const versions: { versionId: string; deleteMarker: boolean }[] = [];
    let keyMarker = '';
    let versionIdMarker = '';
    for (;;) {
      const page = await call('list versions', () =>
        client.listObjectsQuery(bucket, key, '', {
          Delimiter: '',
          MaxKeys: 1000,
          IncludeVersion: true,
          keyMarker,
          versionIdMarker,
        }),
      );
      for (const entry of page.objects as { name?: string; versionId?: string; isDeleteMarker?: boolean }[]) {
        if (entry.name === key && entry.versionId) {
          versions.push({ versionId: entry.versionId, deleteMarker: entry.isDeleteMarker === true });
        }
      }
      if (!page.isTruncated || (!page.keyMarker && !page.versionIdMarker)) break;
      keyMarker = page.keyMarker ?? '';
      versionIdMarker = page.versionIdMarker ?? '';
    }
    return versions;
  }

  async function* list(): AsyncIterable<StoredBlob> {
    let marker = '';
    for (;;) {
      const page = await call('list', () =>
        client.listObjectsQuery(bucket, '', marker, { Delimiter: '', MaxKeys: 1000 }),
      );
      // Staged uploads, and anything else not named like a blob key, are not blobs.
      const keys = page.objects.flatMap((entry) => (entry.name && isValidBlobKey(entry.name) ? [entry.name] : []));
      for (let i = 0; i < keys.length; i += HEADS_IN_PARALLEL) {
        const blobs = await Promise.all(keys.slice(i, i + HEADS_IN_PARALLEL).map(storedBlob));
        for (const blob of blobs) if (blob) yield blob;
      }
      if (!page.isTruncated || !page.nextMarker) return;
      marker = page.nextMarker;
    }
  }

  async function ping(): Promise<void> {
    if (!(await call('ping', () => client.bucketExists(bucket)))) {
      throw new BlobStoreUnavailableError(`the S3 bucket ${bucket} does not exist`);
    }
    const name = `${STAGING_PREFIX}ping-${randomUUID()}`;
    const written = await call('ping', () => client.putObject(stagingBucket, name, Buffer.from('ping'), 4));
    const version = written.versionId ? { versionId: written.versionId } : {};
    await call('ping', () => client.removeObject(stagingBucket, name, version));
  }

  return {
    put,
    get,
    head,
    delete: remove,
    retainUntil,
    legalHold,
    list,
    ping,
    ensureBucket: () => ensureBuckets(client, config, call),
  };
}

function recordedSha256(key: string, value: unknown): string {
  // An object without a well-formed hash was not written by this store, or was altered: it cannot be vouched for.
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) throw new BlobIntegrityError(key, '', '');
  return value;
}
