import type { EventStore, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

export interface Followed {
  readonly events: RecordedEvent[];
  readonly batches: (readonly RecordedEvent[])[];
  readonly subscription: Subscription;
}

/** Subscribes and records every batch as it arrives, before `then` runs for it. */
export function follow(
  store: EventStore,
  options: SubscribeOptions,
  then: (batch: readonly RecordedEvent[]) => Promise<void> = async () => undefined,
): Followed {
  const events: RecordedEvent[] = [];
  const batches: (readonly RecordedEvent[])[] = [];
  const subscription = store.subscribe(options, async (batch) => {
    batches.push(batch);
    events.push(...batch);
    await then(batch);
  });
  return { events, batches, subscription };
}
