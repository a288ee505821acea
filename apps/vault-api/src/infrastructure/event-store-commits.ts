import type { CommitStats } from '@kluis/event-store';
import { Histogram } from 'prom-client';

/**
 * How many events each synced commit of the event store carried. Group commit shares one fsync among the appends
 * that arrive together, so this shows whether it does under the real load. Registered by the metrics module; it lives
 * here because the event store is opened before any metrics exist.
 */
export class EventStoreCommits {
  readonly eventsPerCommit = new Histogram({
    name: 'kluis_event_store_events_per_commit',
    help: 'Events written by one synced event-store commit (one fsync)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [],
  });

  readonly observe = (stats: CommitStats): void => this.eventsPerCommit.observe(stats.events);
}
