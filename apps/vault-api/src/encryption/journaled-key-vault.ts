import type { DataKey, KeyVault, Tombstone } from '@kluis/crypto';
import type { TombstoneJournal } from './tombstone-journal';

/** Writes every erasure to the tombstone journal before the key store forgets the key. */
export class JournaledKeyVault implements KeyVault {
  constructor(
    private readonly inner: KeyVault,
    private readonly journal: TombstoneJournal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  dataKeyFor(subject: string): Promise<DataKey> {
    return this.inner.dataKeyFor(subject);
  }

  existingDataKey(subject: string): Promise<DataKey | null> {
    return this.inner.existingDataKey(subject);
  }

  /** Journal first: a crash in between leaves a tombstone that the next start applies, never a key that was meant to go. */
  async destroy(subject: string): Promise<void> {
    if (await this.inner.isDestroyed(subject)) return;
    const tombstone = { subject, erasedAt: this.now().toISOString() };
    await this.journal.append(tombstone);
    await this.inner.applyTombstones([tombstone]);
  }

  isDestroyed(subject: string): Promise<boolean> {
    return this.inner.isDestroyed(subject);
  }

  tombstones(): AsyncIterable<Tombstone> {
    return this.inner.tombstones();
  }

  applyTombstones(tombstones: Iterable<Tombstone> | AsyncIterable<Tombstone>): Promise<number> {
    return this.inner.applyTombstones(tombstones);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
