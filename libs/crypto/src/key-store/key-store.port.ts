import type { Tombstone } from '../key-vault.port';

/**
 * Where the local key vault keeps wrapped data keys and tombstones. Every adapter (SQLite, PostgreSQL, in memory)
 * passes the contract suite in `testing/key-store.contract.ts`.
 *
 * It holds nothing that opens data by itself: a data key is only ever stored wrapped by a master key kept elsewhere,
 * so a copy of the store, a backup included, is as good as its master key.
 */
export interface WrappedDataKey {
  readonly subject: string;
  readonly keyId: string;
  readonly masterKeyId: string;
  /** base64url of the 96-bit IV, the AES-256-GCM ciphertext of the key and the tag. */
  readonly wrapped: string;
  /** ISO-8601. */
  readonly createdAt: string;
}

/** A subject's entry: a live key, or the tombstone its key was replaced by. There is nothing in between. */
export type KeyRecord = { readonly state: 'live'; readonly key: WrappedDataKey } | { readonly state: 'erased'; readonly tombstone: Tombstone };

export interface Page {
  /** Exclusive: entries whose subject sorts after this one. From the start when omitted. */
  readonly after?: string;
  readonly limit: number;
}

export interface KeyStore {
  find(subject: string): Promise<KeyRecord | null>;
  /**
   * Stores `key` unless the subject already has an entry, atomically, and answers what the subject has afterwards:
   * of concurrent inserts, from any number of stores on the same database, exactly one lands and all see it. A
   * tombstone is never replaced.
   */
  insertIfAbsent(key: WrappedDataKey): Promise<KeyRecord>;
  /**
   * Deletes the subject's wrapped key and leaves a tombstone dated `erasedAt`, atomically; a tombstone already there
   * keeps its date. Answers whether a live key was deleted.
   */
  erase(subject: string, erasedAt: string): Promise<boolean>;
  /** Replaces `expected` by `replacement` (the same key wrapped anew) only if the subject still has `expected`. */
  rewrap(expected: WrappedDataKey, replacement: WrappedDataKey): Promise<boolean>;
  liveKeys(page: Page): Promise<readonly WrappedDataKey[]>;
  tombstones(page: Page): Promise<readonly Tombstone[]>;
  /** How many live keys each master key wraps: a master key may be retired once it wraps none. */
  countByMasterKey(): Promise<Readonly<Record<string, number>>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
