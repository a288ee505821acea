import type { KeyVault } from '@kluis/crypto';
import type { AppendResult, BatchHandler, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, StreamRead, SubscribeOptions, Subscription } from '@kluis/event-store';
import { openEvent, sealEvent } from './sealed-event';

/**
 * Seals events' personal fields under their customer's key on the way in and opens them on every way out, so
 * every adapter stores ciphertext and every reader (commands, projections, the history) sees plain domain events.
 * A customer whose key was destroyed reads back with those fields absent and `metadata.erased` naming them.
 */
export class SealingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyVault,
    /** Whether the key vault was opened for this store alone, as command-line tools do, and closes with it. */
    private readonly ownsKeys = false,
  ) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await sealEvent(event, this.keys));
    return this.inner.append(stream, sealed, expected);
  }

  async readStream(stream: string): Promise<StreamRead> {
    const read = await this.inner.readStream(stream);
    return { revision: read.revision, events: await this.openAll(read.events) };
  }

  async readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    return this.inner.subscribe(options, async (events) => handler(await this.openAll(events)));
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      if (this.ownsKeys) await this.keys.close();
    }
  }

  // One at a time: a batch of one customer's events then unwraps their key once, and the cache serves the rest.
  private async openAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const opened: RecordedEvent[] = [];
    for (const event of events) opened.push(await openEvent(event, this.keys));
    return opened;
  }
}
