export * from './blob-store.errors';
export { BLOB_STORE } from './blob-store.port';
export type { BlobHead, BlobStore, StoredBlob } from './blob-store.port';
export { isValidBlobKey } from './shared/blob-key';
export { createFileBlobStore } from './file/file-blob-store';
export { createS3BlobStore } from './s3/s3-blob-store';
export type { S3BlobStore } from './s3/s3-blob-store';
export {
  DEFAULT_S3_REGION,
  DEFAULT_S3_TIMEOUT_MS,
  InvalidS3BlobStoreConfigError,
  parseS3BlobStoreUrl,
} from './s3/s3-blob-store.config';
export type { ObjectLockMode, S3BlobStoreConfig } from './s3/s3-blob-store.config';
export { createObjectLockCanary, LOCK_CANARY_PREFIX, LOCK_CANARY_RETENTION_MS } from './s3/s3-lock-canary';
export type { LockProof, ObjectLockCanary } from './s3/s3-lock-canary';
