import { InvalidBlobKeyError } from '../blob-store.errors';

// Segments of lowercase letters, digits and `-`, joined by single `/`: no dots, so no `..`, no hidden names and no
// clash with the names adapters keep for their own bookkeeping; no leading `/`, so never absolute.
const BLOB_KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;
const MAX_KEY_LENGTH = 512;
// Each segment becomes a file or directory name in the file adapter, where 255 bytes is the usual limit.
const MAX_SEGMENT_LENGTH = 200;

export function isValidBlobKey(key: string): boolean {
  return (
    typeof key === 'string' &&
    key.length <= MAX_KEY_LENGTH &&
    BLOB_KEY.test(key) &&
    key.split('/').every((segment) => segment.length <= MAX_SEGMENT_LENGTH)
  );
}

export function assertValidBlobKey(key: string): void {
  if (!isValidBlobKey(key)) throw new InvalidBlobKeyError(key);
}
