import type { KeyObject } from 'node:crypto';

/**
 * The key vault port: one data key per subject (a customer id), kept wrapped by a master key that never leaves the
 * vault's configuration. Destroying a subject's key is crypto-shredding: everything sealed under it, blobs and
 * event fields alike, becomes unreadable wherever a copy of the ciphertext lives.
 */
export const KEY_VAULT = Symbol('KEY_VAULT');

/** An unwrapped data key. Hold it only while using it: `destroy` cannot reach copies kept in memory. */
export interface DataKey {
  readonly subject: string;
  /** Random, 32 lowercase hex characters; written next to everything sealed under the key. */
  readonly keyId: string;
  /** AES-256 key material; a `KeyObject` so that logging a `DataKey` never prints it. */
  readonly key: KeyObject;
}

/** What remains of an erased subject: only that, and when, their key was destroyed. */
export interface Tombstone {
  readonly subject: string;
  /** ISO-8601. */
  readonly erasedAt: string;
}

export interface KeyVault {
  /**
   * The subject's data key, created on first use. Concurrent first uses, from any number of instances sharing the
   * key store, all get the same key. Throws `SubjectErasedError` for an erased subject: nothing new is ever written
   * for them.
   */
  dataKeyFor(subject: string): Promise<DataKey>;
  /** The subject's data key, or null when it was never created or was destroyed. */
  existingDataKey(subject: string): Promise<DataKey | null>;
  /**
   * Crypto-shredding: deletes the subject's wrapped key and leaves a tombstone, so the key can never be recovered
   * from this store or re-created. Idempotent; erasing a subject that never had a key still leaves a tombstone.
   */
  destroy(subject: string): Promise<void>;
  isDestroyed(subject: string): Promise<boolean>;
  /** Every tombstone, in subject order. Kept outside the key store's backups, it is what a restore replays. */
  tombstones(): AsyncIterable<Tombstone>;
  /**
   * Destroys again every subject in `tombstones`, keeping their original dates. Run after restoring the key store
   * from a backup, so that a key destroyed after the backup was taken stays destroyed. Returns how many keys the
   * restore had brought back and this shredded again.
   */
  applyTombstones(tombstones: Iterable<Tombstone> | AsyncIterable<Tombstone>): Promise<number>;
  /** Resolves when the key store answers; used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
