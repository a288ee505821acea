export { containsPlaintext, filesContainingPlaintext, PLAINTEXT_WINDOW_BYTES } from './contains-plaintext';
export { InMemoryKeyStore } from './in-memory-key-store';
export { describeKeyStoreContract } from './key-store.contract';
export type { KeyStorePlace } from './key-store.contract';
export { aDataKey, aMasterKey, inMemoryKeyVault } from './keys';
