import { InvalidMasterKeyError, type KeyVault, loadMasterKeyRing, openKeyStore, openLocalKeyVault, UnknownMasterKeyError } from '@kluis/crypto';
import { ConfigError } from '../config/config-error';
import { CachingKeyVault } from './caching-key-vault';
import type { EncryptionConfig } from '../config/encryption-config';
import { JournaledKeyVault } from './journaled-key-vault';
import { TombstoneJournal } from './tombstone-journal';

/** The key vault the app uses: keys cached briefly, erasures journaled. */
export async function openKeyVault(config: EncryptionConfig): Promise<KeyVault> {
  return (await openKeyVaultReshredding(config)).vault;
}

/**
 * Opens the key vault and applies every erasure in the journal again, so a key store rolled back to before an
 * erasure (restored from a backup, say) never serves that key again. `reshredded` counts the keys it had brought back.
 */
export async function openKeyVaultReshredding(config: EncryptionConfig): Promise<{ vault: KeyVault; reshredded: number }> {
  const masterKeys = await loadMasterKeyRing(config.masterKeys).catch(startupError);
  const store = await openKeyStore(config.keyStore);
  try {
    const local = await openLocalKeyVault({ store, masterKeys }).catch(startupError);
    const journal = new TombstoneJournal(config.tombstoneJournal);
    const reshredded = await local.applyTombstones(await journal.read());
    return { vault: new CachingKeyVault(new JournaledKeyVault(local, journal)), reshredded };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** A master key that is missing, unreadable or not the one the key store was made with stops the vault by name. */
function startupError(error: unknown): never {
  if (error instanceof InvalidMasterKeyError || error instanceof UnknownMasterKeyError) throw new ConfigError(error.message);
  throw error;
}
