import { randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import type { Client } from 'minio';
import { BlobStoreUnavailableError } from '../blob-store.errors';
import { HashingPassThrough, type HashedBytes } from '../shared/hashing-pass-through';
import { withDeadline } from './s3-deadlines';
import { toBlobStoreError } from './s3-errors';

/** Staged objects start with a dot, which no blob key may contain, so they can share a bucket with blobs. */
export const STAGING_PREFIX = '.staging/';

/**
 * Size of each part of a multipart upload, and so of the memory an upload holds (about two parts). minio's own
 * choice for a stream of unknown length is some 560 MiB, sized for a 5 TiB object. 8 MiB parts allow 80 GiB.
 * minio takes it from its client's options: see `createS3Client`.
 */
export const PART_SIZE = 8 * 1024 * 1024;

export interface StagedObject extends HashedBytes {
  readonly bucket: string;
  readonly name: string;
  readonly versionId: string | null;
}

/**
 * Streams `content` into a new staging object while hashing it, through a client made by `createS3Client`. A stream
 * that fits in one part is sent with one PUT; a longer one goes multipart (minio's, with our part size). If `content`
 * fails, whatever reached the server is removed and `content`'s error is rethrown; if the server fails, the upload is
 * abandoned and removed.
 */
export async function uploadToStaging(
  client: Client,
  bucket: string,
  content: Readable,
  timeoutMs: number,
): Promise<StagedObject> {
  const name = `${STAGING_PREFIX}${randomUUID()}`;
  const hasher = new HashingPassThrough();
  let sourceFailure: unknown;
  const chunks = chunksOf(pipeline(content, hasher, () => undefined), (error) => (sourceFailure = error));
  const first = await readUpTo(chunks, PART_SIZE);
  if (first.ended && sourceFailure !== undefined) throw sourceFailure;

  let versionId: string | null;
  try {
    versionId = first.ended
      ? await putWhole(client, bucket, name, Buffer.concat(first.chunks), timeoutMs)
      : await putInParts(client, bucket, name, first.chunks, chunks, timeoutMs);
  } catch (error) {
    // Stops reading `content` (pipeline destroys it with the hasher), even while waiting on it.
    hasher.destroy();
    await discardStaged(client, { bucket, name, versionId: null }, timeoutMs, { abortUpload: true });
    throw toBlobStoreError(error, 'upload');
  }
  if (sourceFailure !== undefined) {
    await discardStaged(client, { bucket, name, versionId }, timeoutMs);
    throw sourceFailure;
  }
  return { bucket, name, versionId, size: hasher.size, sha256: hasher.sha256 };
}

/** Best effort: what is left behind is removed by the staging bucket's lifecycle rule a day later. */
export async function discardStaged(
  client: Client,
  staged: Pick<StagedObject, 'bucket' | 'name' | 'versionId'>,
  timeoutMs: number,
  options: { abortUpload?: boolean } = {},
): Promise<void> {
  const { bucket, name, versionId } = staged;
  if (options.abortUpload) {
    await withDeadline('abort upload', timeoutMs, () => client.removeIncompleteUpload(bucket, name)).catch(
      () => undefined,
    );
  }
  await withDeadline('remove staged object', timeoutMs, () =>
    client.removeObject(bucket, name, versionId ? { versionId } : {}),
  ).catch(() => undefined);
}

async function putWhole(client: Client, bucket: string, name: string, body: Buffer, timeoutMs: number) {
  const uploaded = await withDeadline('upload', timeoutMs, () => client.putObject(bucket, name, body, body.length));
  return uploaded.versionId;
}

/**
 * minio's multipart upload of a stream of unknown length. It has no deadline of its own, so a watch fails the
 * upload when the server has not taken more bytes (or, after the last one, not finished) within `timeoutMs`.
 */
async function putInParts(
  client: Client,
  bucket: string,
  name: string,
  head: Buffer[],
  rest: AsyncGenerator<Buffer>,
  timeoutMs: number,
): Promise<string | null> {
  const watch = stallWatch(timeoutMs);
  async function* feed(): AsyncGenerator<Buffer> {
    for (const chunk of head) {
      watch.serverTurn();
      yield chunk;
    }
    for (;;) {
      watch.sourceTurn();
      const next = await rest.next();
      if (next.done) break;
      watch.serverTurn();
      yield next.value;
    }
    watch.serverTurn();
  }
  const body = Readable.from(feed(), { objectMode: false });
  const uploading = client.putObject(bucket, name, body);
  uploading.catch(() => undefined);
  try {
    return (await Promise.race([uploading, watch.stalled])).versionId;
  } finally {
    watch.stop();
    body.destroy();
  }
}

function stallWatch(timeoutMs: number) {
  let waitingOnServerSince: number | undefined;
  let interval: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    interval = setInterval(
      () => {
        if (waitingOnServerSince !== undefined && Date.now() - waitingOnServerSince > timeoutMs) {
          reject(new BlobStoreUnavailableError(`the S3 upload made no progress for ${timeoutMs} ms`));
        }
      },
      Math.min(1000, Math.ceil(timeoutMs / 4)),
    );
  });
  stalled.catch(() => undefined);
  return {
    stalled,
    serverTurn: () => (waitingOnServerSince = Date.now()),
    sourceTurn: () => (waitingOnServerSince = undefined),
    stop: () => clearInterval(interval),
  };
}

/**
 * The chunks of `stream`, ending quietly when it fails and reporting the failure instead: minio pipes its input
 * without listening for errors, so an input that fails would hang the upload forever, whereas one that ends lets
 * it finish, and the partial object is then removed.
 */
async function* chunksOf(stream: Readable, onFailure: (error: unknown) => void): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    onFailure(error);
  }
}

async function readUpTo(chunks: AsyncGenerator<Buffer>, bytes: number): Promise<{ chunks: Buffer[]; ended: boolean }> {
  const read: Buffer[] = [];
  let total = 0;
  while (total <= bytes) {
    const next = await chunks.next();
    if (next.done) return { chunks: read, ended: true };
    read.push(next.value);
    total += next.value.length;
  }
  return { chunks: read, ended: false };
}
