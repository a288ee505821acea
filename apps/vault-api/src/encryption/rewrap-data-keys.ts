import { loadMasterKeyRing, openKeyStore, openLocalKeyVault, type RewrapReport } from '@kluis/crypto';
import type { EncryptionConfig } from '../config/encryption-config';

export interface RotationReport extends RewrapReport {
  /** How many live data keys each master key wraps once the run is over: the old key's count should be zero. */
  readonly usage: Readonly<Record<string, number>>;
  readonly currentMasterKey: string;
}

/**
 * The second half of a master key rotation. Once VAULT_MASTER_KEY holds the new key and VAULT_PREVIOUS_MASTER_KEYS the
 * old one, every data key still wrapped by the old key is wrapped again by the new one; then the old key can go.
 * Customers' data is never decrypted or re-encrypted: only their data keys are re-wrapped. Safe to run again.
 */
export async function rewrapDataKeys(config: EncryptionConfig): Promise<RotationReport> {
  const masterKeys = await loadMasterKeyRing(config.masterKeys);
  const store = await openKeyStore(config.keyStore);
  try {
    const vault = await openLocalKeyVault({ store, masterKeys });
    const report = await vault.rewrapAll(masterKeys.current);
    return { ...report, usage: await vault.masterKeyUsage(), currentMasterKey: masterKeys.current.id };
  } finally {
    await store.close();
  }
}
