import type { KeyRecord, KeyStore, Page, WrappedDataKey } from '../key-store/key-store.port';
import type { Tombstone } from '../key-vault.port';

/**
 * A key store in a map, for unit tests. Stores made with `sharing` use the same map, as two processes would use one
 * database. Passes the same contract suite as the SQL stores.
 */
export class InMemoryKeyStore implements KeyStore {
  private closed = false;

  constructor(private readonly records: Map<string, KeyRecord> = new Map()) {}

  /** Another store on the same entries. */
  sharing(): InMemoryKeyStore {
    return new InMemoryKeyStore(this.records);
  }

  async find(subject: string): Promise<KeyRecord | null> {
    this.assertOpen();
    return this.records.get(subject) ?? null;
  }

  async insertIfAbsent(key: WrappedDataKey): Promise<KeyRecord> {
    this.assertOpen();
    const existing = this.records.get(key.subject);
    if (existing) return existing;
    const record: KeyRecord = { state: 'live', key: { ...key } };
    this.records.set(key.subject, record);
    return record;
  }

  async erase(subject: string, erasedAt: string): Promise<boolean> {
    this.assertOpen();
    const existing = this.records.get(subject);
    if (existing?.state === 'erased') return false;
    this.records.set(subject, { state: 'erased', tombstone: { subject, erasedAt } });
    return existing !== undefined;
  }

  async rewrap(expected: WrappedDataKey, replacement: WrappedDataKey): Promise<boolean> {
    this.assertOpen();
    const existing = this.records.get(expected.subject);
    if (existing?.state !== 'live' || existing.key.keyId !== expected.keyId || existing.key.wrapped !== expected.wrapped) return false;
    const key = { ...existing.key, masterKeyId: replacement.masterKeyId, wrapped: replacement.wrapped };
    this.records.set(expected.subject, { state: 'live', key });
    return true;
  }

  async liveKeys(page: Page): Promise<readonly WrappedDataKey[]> {
    return this.page(page).flatMap((record) => (record.state === 'live' ? [record.key] : [])).slice(0, page.limit);
  }

  async tombstones(page: Page): Promise<readonly Tombstone[]> {
    return this.page(page).flatMap((record) => (record.state === 'erased' ? [record.tombstone] : [])).slice(0, page.limit);
  }

  async countByMasterKey(): Promise<Readonly<Record<string, number>>> {
    this.assertOpen();
    const counts: Record<string, number> = {};
    for (const record of this.records.values()) {
      if (record.state === 'live') counts[record.key.masterKeyId] = (counts[record.key.masterKeyId] ?? 0) + 1;
    }
    return counts;
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private page(page: Page): KeyRecord[] {
    this.assertOpen();
    return [...this.records.entries()]
      .filter(([subject]) => page.after === undefined || subject > page.after)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, record]) => record);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the key store is closed');
  }
}
