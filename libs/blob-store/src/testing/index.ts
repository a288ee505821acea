export { describeBlobStoreContract } from './blob-store.contract';
export type { BlobStoreContractOptions, BlobStoreUnderTest } from './blob-store.contract';
export { failingStream, generatedChunks, generatedStream, sha256Of } from './generated-stream';
export { digestStream, readAllBytes, sha256Hex } from './read-all';
