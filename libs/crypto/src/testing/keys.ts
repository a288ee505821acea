import { randomBytes, randomUUID } from 'node:crypto';
import { newDataKey } from '../data-key';
import type { DataKey } from '../key-vault.port';
import { LocalKeyVault } from '../local/local-key-vault';
import { masterKeyFromBytes, type MasterKey } from '../master-key/master-key';
import { masterKeyRing } from '../master-key/master-key-ring';
import { InMemoryKeyStore } from './in-memory-key-store';

/** A fresh random master key, as `openssl rand -base64 32` makes; `base64` is what VAULT_MASTER_KEY would hold. */
export function aMasterKey(): MasterKey & { readonly base64: string } {
  const bytes = randomBytes(32);
  return { ...masterKeyFromBytes(bytes, 'test'), base64: bytes.toString('base64') };
}

/** A data key for `subject` that no vault holds, for testing what is sealed under it. */
export const aDataKey = (subject: string = `customer-${randomUUID()}`): DataKey => newDataKey(subject);

/** A working key vault in memory, under a random master key: for specs of code that encrypts. */
export function inMemoryKeyVault(store: InMemoryKeyStore = new InMemoryKeyStore()): LocalKeyVault {
  return new LocalKeyVault({ store, masterKeys: masterKeyRing(aMasterKey()) });
}
