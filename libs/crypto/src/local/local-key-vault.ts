import { SubjectErasedError } from '../crypto.errors';
import { newDataKey } from '../data-key';
import type { KeyRecord, KeyStore, WrappedDataKey } from '../key-store/key-store.port';
import type { DataKey, KeyVault, Tombstone } from '../key-vault.port';
import type { MasterKey } from '../master-key/master-key';
import { type MasterKeyRing, rotatedTo } from '../master-key/master-key-ring';
import { assertValidSubject } from '../subject';
import { unwrapDataKey, wrapDataKey } from './wrap-data-key';

export interface LocalKeyVaultOptions {
  readonly store: KeyStore;
  readonly masterKeys: MasterKeyRing;
  readonly now?: () => Date;
}

export interface RewrapReport {
  /** Keys that were wrapped by an older master key and now are by the new one. */
  readonly rewrapped: number;
  /** Keys already wrapped by the new master key, e.g. by an earlier run that was interrupted. */
  readonly alreadyCurrent: number;
}

const PAGE = 500;

/**
 * Opens the vault and checks the master key against a stored data key, so that a wrong or missing master key stops
 * the vault at start-up rather than at the first upload.
 */
export async function openLocalKeyVault(options: LocalKeyVaultOptions): Promise<LocalKeyVault> {
  const [sample] = await options.store.liveKeys({ limit: 1 });
  if (sample) unwrapDataKey(sample, options.masterKeys);
  return new LocalKeyVault(options);
}

/** The key vault over a key store, with data keys wrapped by a master key held in this process only. */
export class LocalKeyVault implements KeyVault {
  private readonly store: KeyStore;
  private ring: MasterKeyRing;
  private readonly now: () => Date;

  constructor(options: LocalKeyVaultOptions) {
    this.store = options.store;
    this.ring = options.masterKeys;
    this.now = options.now ?? (() => new Date());
  }

  get masterKeys(): MasterKeyRing {
    return this.ring;
  }

  async dataKeyFor(subject: string): Promise<DataKey> {
    assertValidSubject(subject);
    const found = await this.store.find(subject);
    if (found) return this.liveKeyOf(found, subject);
    const candidate = newDataKey(subject);
    const stored = await this.store.insertIfAbsent(wrapDataKey(candidate, this.ring.current, this.now().toISOString()));
    if (stored.state === 'live' && stored.key.keyId === candidate.keyId) return candidate;
    return this.liveKeyOf(stored, subject);
  }

  async existingDataKey(subject: string): Promise<DataKey | null> {
    assertValidSubject(subject);
    const found = await this.store.find(subject);
    return found?.state === 'live' ? unwrapDataKey(found.key, this.ring) : null;
  }

  async destroy(subject: string): Promise<void> {
    assertValidSubject(subject);
    await this.store.erase(subject, this.now().toISOString());
  }

  async isDestroyed(subject: string): Promise<boolean> {
    assertValidSubject(subject);
    return (await this.store.find(subject))?.state === 'erased';
  }

  async *tombstones(): AsyncIterable<Tombstone> {
    let after: string | undefined;
    for (;;) {
      const page = await this.store.tombstones({ after, limit: PAGE });
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].subject;
    }
  }

  async applyTombstones(tombstones: Iterable<Tombstone> | AsyncIterable<Tombstone>): Promise<number> {
    let shredded = 0;
    for await (const tombstone of tombstones) {
      assertValidSubject(tombstone.subject);
      if (await this.store.erase(tombstone.subject, tombstone.erasedAt)) shredded += 1;
    }
    return shredded;
  }

  /**
   * Wraps every live data key by `next`, which from now on also wraps new keys. Safe to run while the vault
   * serves and to run again after an interruption. Start every instance with `next` as VAULT_MASTER_KEY and the old
   * key in VAULT_PREVIOUS_MASTER_KEYS first, then run this once; when `masterKeyUsage()` no longer lists the old
   * key, drop it from the configuration.
   */
  async rewrapAll(next: MasterKey): Promise<RewrapReport> {
    this.ring = rotatedTo(this.ring, next);
    let rewrapped = 0;
    let alreadyCurrent = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.store.liveKeys({ after, limit: PAGE });
      for (const stored of page) {
        if (stored.masterKeyId === next.id) alreadyCurrent += 1;
        else if (await this.rewrap(stored, next)) rewrapped += 1;
      }
      if (page.length < PAGE) return { rewrapped, alreadyCurrent };
      after = page[page.length - 1].subject;
    }
  }

  /** How many live data keys each master key wraps. */
  masterKeyUsage(): Promise<Readonly<Record<string, number>>> {
    return this.store.countByMasterKey();
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private liveKeyOf(record: KeyRecord, subject: string): DataKey {
    if (record.state === 'erased') throw new SubjectErasedError(subject);
    return unwrapDataKey(record.key, this.ring);
  }

  // A key erased meanwhile fails the compare-and-set, and stays erased.
  private async rewrap(stored: WrappedDataKey, next: MasterKey): Promise<boolean> {
    const replacement = wrapDataKey(unwrapDataKey(stored, this.ring), next, stored.createdAt);
    return this.store.rewrap(stored, replacement);
  }
}
