export * from './blob-store.errors';
export { BLOB_STORE } from './blob-store.port';
export type { BlobStore, StoredBlob } from './blob-store.port';
export { isValidBlobKey } from './shared/blob-key';
export { createFileBlobStore } from './file/file-blob-store';
