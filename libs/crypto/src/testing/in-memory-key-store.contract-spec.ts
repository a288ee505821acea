import { InMemoryKeyStore } from './in-memory-key-store';
import { describeKeyStoreContract } from './key-store.contract';

describeKeyStoreContract('in memory', async () => {
  const shared = new InMemoryKeyStore();
  return { open: async () => shared.sharing(), remove: async () => undefined };
});
