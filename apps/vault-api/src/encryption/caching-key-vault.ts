import { type DataKey, type KeyVault, SubjectErasedError, type Tombstone } from '@kluis/crypto';

/**
 * Long enough that reading a stream of events or a page of the history unwraps each customer's key once; short
 * because another instance sharing the key store may destroy a key, and until then this one still opens their
 * data, and because a key in memory is a copy that erasure cannot reach. A destroy through this instance takes
 * effect here at once.
 */
export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { readonly state: 'live'; readonly key: DataKey; readonly until: number } | { readonly state: 'erased' } | { readonly state: 'erasing' };

/** Remembers unwrapped data keys briefly, and erasures for good: an erased key never comes back. */
export class CachingKeyVault implements KeyVault {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: KeyVault,
    private readonly ttlMs: number = KEY_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async dataKeyFor(subject: string): Promise<DataKey> {
    const cached = this.cached(subject);
    if (cached?.state === 'live') return cached.key;
    if (cached?.state === 'erased') throw new SubjectErasedError(subject);
    try {
      return this.rememberLive(await this.inner.dataKeyFor(subject));
    } catch (error) {
      if (error instanceof SubjectErasedError) this.rememberErased(subject);
      throw error;
    }
  }

  async existingDataKey(subject: string): Promise<DataKey | null> {
    const cached = this.cached(subject);
    if (cached?.state === 'live') return cached.key;
    if (cached?.state === 'erased') return null;
    const key = await this.inner.existingDataKey(subject);
    return key ? this.rememberLive(key) : null;
  }

  async isDestroyed(subject: string): Promise<boolean> {
    const cached = this.cached(subject);
    if (cached) return cached.state === 'erased';
    const destroyed = await this.inner.isDestroyed(subject);
    if (destroyed) this.rememberErased(subject);
    return destroyed;
  }

  /** While the destroy runs, nothing is served from or added to the cache for the subject. */
  async destroy(subject: string): Promise<void> {
    this.entries.set(subject, { state: 'erasing' });
    try {
      await this.inner.destroy(subject);
    } catch (error) {
      this.entries.delete(subject);
      throw error;
    }
    this.entries.set(subject, { state: 'erased' });
  }

  tombstones(): AsyncIterable<Tombstone> {
    return this.inner.tombstones();
  }

  async applyTombstones(tombstones: Iterable<Tombstone> | AsyncIterable<Tombstone>): Promise<number> {
    try {
      return await this.inner.applyTombstones(tombstones);
    } finally {
      this.entries.clear();
    }
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    this.entries.clear();
    await this.inner.close();
  }

  private cached(subject: string): Entry | undefined {
    const entry = this.entries.get(subject);
    if (entry?.state === 'erasing') return undefined;
    if (entry?.state === 'live' && entry.until <= this.now()) {
      this.entries.delete(subject);
      return undefined;
    }
    return entry;
  }

  // A lookup that started before a destroy must not put the key back once the destroy began.
  private rememberLive(key: DataKey): DataKey {
    const current = this.entries.get(key.subject);
    if (current?.state === 'erasing' || current?.state === 'erased') return key;
    this.store(key.subject, { state: 'live', key, until: this.now() + this.ttlMs });
    return key;
  }

  private rememberErased(subject: string): void {
    if (this.entries.get(subject)?.state !== 'erasing') this.store(subject, { state: 'erased' });
  }

  private store(subject: string, entry: Entry): void {
    this.entries.delete(subject);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(subject, entry);
  }
}
