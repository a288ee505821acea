import { BlobNotFoundError, BlobStoreUnavailableError } from '../blob-store.errors';

/** The error code S3 answered with (`NoSuchKey`, `AccessDenied`, …) or Node's (`ECONNREFUSED`, …). */
export function s3ErrorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

const MISSING = new Set(['NoSuchKey', 'NotFound', 'NoSuchVersion']);

export const isMissing = (error: unknown): boolean => MISSING.has(s3ErrorCode(error) ?? '');

/**
 * The port's view of a failed call: a missing object is `BlobNotFoundError`, the port's own errors pass through,
 * and anything else (no connection, a missing bucket, refused credentials, a server error) means the store cannot
 * serve, `BlobStoreUnavailableError`. The message names the S3 code, never a credential.
 */
export function toBlobStoreError(error: unknown, operation: string, key?: string): Error {
  if (isBlobStoreError(error)) return error;
  if (key !== undefined && isMissing(error)) return new BlobNotFoundError(key);
  const code = s3ErrorCode(error);
  return new BlobStoreUnavailableError(`S3 ${operation} failed${code ? ` (${code})` : ''}`, { cause: error });
}

const isBlobStoreError = (error: unknown): error is Error =>
  error instanceof Error && (error as { code?: unknown }).code?.toString().startsWith('BLOB_STORE.') === true;
