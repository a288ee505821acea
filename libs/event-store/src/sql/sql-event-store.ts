import { EventStoreUnavailableError } from '../event-store.errors';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { AppendSignal } from './append-signal';
import { assertAppendable, explainConflict } from './append-events';
import { appendEachWithin, GroupCommit, totalEvents, type AppendSettlement, type PendingAppend } from './group-commit';
import { selectAfter, selectEvents, selectHead, type Db } from './event-queries';
import { PollingSubscription, type Batch } from './polling-subscription';
import { toRecordedEvent } from './recorded-event';
import type { SqlEventStoreDialect } from './sql-dialect';

/** What one commit carried: the appends that wrote, and their events. */
export interface CommitStats {
  readonly appends: number;
  readonly events: number;
}

export type CommitObserver = (stats: CommitStats) => void;

export interface SqlEventStoreOptions {
  /** How often a caught-up subscription looks for events appended by other processes. */
  readonly pollIntervalMs: number;
  /** Told after every commit how many appends and events it carried, e.g. to report events per fsync. */
  readonly onCommit?: CommitObserver;
}

const DEFAULT_BATCH_SIZE = 100;

export async function openSqlEventStore(
  db: Db,
  dialect: SqlEventStoreDialect,
  options: SqlEventStoreOptions,
): Promise<EventStore> {
  const store = new SqlEventStore(db, dialect, options);
  try {
    await store.guard(() => dialect.migrate(db));
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

class SqlEventStore implements EventStore {
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly groupCommit = new GroupCommit((batch) => this.commitBatch(batch));
  private closing: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly dialect: SqlEventStoreDialect,
    private readonly options: SqlEventStoreOptions,
  ) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    assertAppendable(events, expected);
    const settlement = await this.groupCommit.append({ stream, events, expected });
    if (settlement.ok) return settlement.outcome.result;
    if (!this.dialect.isUniqueViolation(settlement.error)) throw this.translate(settlement.error);
    return this.guard(() => explainConflict(this.db, stream, events, expected));
  }

  private async commitBatch(batch: readonly PendingAppend[]): Promise<readonly AppendSettlement[]> {
    const settlements = await this.dialect.inAppendTransaction(this.db, (trx) => appendEachWithin(trx, batch));
    const written = batch.filter((_, index) => {
      const settlement = settlements[index];
      return settlement.ok && settlement.outcome.written;
    });
    if (written.length > 0) {
      this.appended.notify();
      this.options.onCommit?.({ appends: written.length, events: totalEvents(written) });
    }
    return settlements;
  }

  readStream(stream: string): Promise<StreamRead> {
    return this.guard(async () => {
      const rows = await selectEvents(this.db).where('stream', '=', stream).orderBy('revision').execute();
      const events = rows.map(toRecordedEvent);
      return { revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision, events };
    });
  }

  async readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    assertPosition(options.after);
    assertPositiveInteger('limit', options.limit);
    return this.guard(() => selectAfter(this.db, options.after, options.limit, options.streamPrefixes));
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    assertPosition(options.after);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const subscription = new PollingSubscription(
      (after, limit) => this.guard(() => this.readBatch(after, limit, options.streamPrefixes)),
      this.appended,
      { after: options.after, batchSize, pollIntervalMs: this.options.pollIntervalMs },
      handler,
    );
    this.subscriptions.add(subscription);
    const forget = (): void => void this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.guard(() => selectHead(this.db));
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Turns the driver's "cannot reach the database" errors into the port's error; passes others through. */
  async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (!this.dialect.isUnavailable(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`event store unavailable: ${message}`, { cause: error });
  }

  private async shutDown(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.db.destroy();
  }

  /**
   * Bounded by the head read first, so a subscription filtered to rare streams can move its scan past everything
   * it has looked at instead of rescanning the same unrelated events on every poll.
   */
  private async readBatch(after: number, limit: number, prefixes: readonly string[] | undefined): Promise<Batch> {
    const head = await selectHead(this.db);
    if (head <= after) return { events: [], scannedTo: after, caughtUp: true };
    const events = await selectAfter(this.db, after, limit, prefixes, head);
    return events.length === limit
      ? { events, scannedTo: events[events.length - 1].position, caughtUp: false }
      : { events, scannedTo: head, caughtUp: true };
  }
}

function assertPosition(after: number): void {
  if (!(Number.isSafeInteger(after) && after >= 0)) throw new RangeError(`after must be a position, got ${after}`);
}

function assertPositiveInteger(name: string, value: number): void {
  if (!(Number.isSafeInteger(value) && value > 0)) throw new RangeError(`${name} must be 1 or more, got ${value}`);
}
