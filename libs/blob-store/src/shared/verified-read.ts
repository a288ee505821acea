import { pipeline, type Readable } from 'node:stream';
import { BlobIntegrityError } from '../blob-store.errors';
import type { StoredBlob } from '../blob-store.port';
import { HashingPassThrough } from './hashing-pass-through';

/**
 * Streams `source` through, and fails the returned stream with `BlobIntegrityError` at its end when the bytes do not
 * hash to what was recorded at write time. The check can only come at the end: nothing is buffered. A failure of
 * `source` itself reaches the reader as `describeFailure` makes it.
 */
export function verifiedRead(
  source: Readable,
  recorded: StoredBlob,
  describeFailure: (error: unknown) => Error,
): Readable {
  const verifier = new HashingPassThrough(({ size, sha256 }) =>
    size === recorded.size && sha256 === recorded.sha256
      ? undefined
      : new BlobIntegrityError(recorded.key, recorded.sha256, sha256),
  );
  // Registered before pipeline's own listener, so the reader sees the described error rather than the raw one.
  source.once('error', (error) => verifier.destroy(describeFailure(error)));
  return pipeline(source, verifier, () => undefined);
}
