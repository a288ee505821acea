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
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  connectEsdb,
  type AllStreamResolvedEvent,
  type EsdbClient,
  type Position,
  type ReadPosition,
} from './esdb-client';
import { collect, withDeadline } from './esdb-deadline';
import { toPortError, toWrongExpectedRevision } from './esdb-errors';
import {
  fromCurrentRevision,
  isVisible,
  toEsdbPosition,
  toEventData,
  toExpectedRevision,
  toPortPosition,
  toReadPosition,
  toRecordedEvent,
  toSubscriptionFilter,
} from './esdb-mapping';
import { deliverInBatches, idleSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** Bound on every call to EventStoreDB, and on a subscription's confirmation. 10 s when omitted. */
  readonly deadlineMs?: number;
  /** Streams that readAll, subscribe and headPosition see when a call names none; all non-system streams otherwise. */
  readonly streamPrefixes?: readonly string[];
}

/**
 * EventStoreDB (22.10 or later) through `@eventstore/db-client`. The connection string is the client's own:
 * `esdb://[user:password@]host[:port][,host[:port]...][?key=value&...]`, `esdb+discover://...` for DNS discovery,
 * or the same with `kurrentdb` in place of `esdb`. The user must be allowed to read `$all`.
 */
export function createEsdbEventStore(connectionString: string, options: EsdbEventStoreOptions = {}): EventStore {
  return new EsdbEventStore(connectEsdb(connectionString), options);
}

const DEFAULT_DEADLINE_MS = 10_000;
const DEFAULT_BATCH_SIZE = 100;
const READ_ALL_PAGE = 500;
const HEAD_PAGE = 100;

export class EsdbEventStore implements EventStore {
  private readonly deadlineMs: number;
  private readonly streamPrefixes: readonly string[] | undefined;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    if (!(this.deadlineMs > 0)) throw new RangeError(`deadlineMs must be positive, got ${this.deadlineMs}`);
    this.streamPrefixes = options.streamPrefixes;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const operation = `append to ${stream}`;
    if (events.length === 0) throw new RangeError('an append needs at least one event');
    const expectedRevision = toExpectedRevision(expected);
    const data = events.map(toEventData);
    try {
      const result = await withDeadline(
        this.deadlineMs,
        operation,
        this.client.appendToStream(stream, data, { expectedRevision, deadline: this.deadlineMs }),
      );
      const revision = fromCurrentRevision(result.nextExpectedRevision);
      if (revision === 'no_stream') throw new RangeError(`${operation} reported no stream after appending`);
      const position = result.position
        ? toPortPosition(result.position, operation)
        : await this.positionOf(stream, revision);
      return { revision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw toWrongExpectedRevision(error, stream, expected);
      throw toPortError(error, operation);
    }
  }

  async readStream(stream: string): Promise<StreamRead> {
    try {
      const events = await this.readStreamFrom(stream, START, `read ${stream}`);
      const last = events.at(-1);
      return { revision: last ? last.revision : 'no_stream', events };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { revision: 'no_stream', events: [] };
      throw toPortError(error, `read ${stream}`);
    }
  }

  async readAll({ after, limit, streamPrefixes }: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    const prefixes = this.prefixesFor(streamPrefixes);
    if (prefixes?.length === 0) return [];
    const pageSize = Math.max(limit, READ_ALL_PAGE);
    const events: RecordedEvent[] = [];
    let from: ReadPosition = toReadPosition(after);
    let floor = toEsdbPosition(after);
    try {
      while (events.length < limit) {
        const page = await this.readAllPage(from, pageSize, FORWARDS, 'read $all');
        for (const { event } of page) {
          if (!event || compare(event.position, floor) <= 0 || !isVisible(event, prefixes)) continue;
          events.push(toRecordedEvent(event));
          if (events.length === limit) break;
        }
        const last = page.at(-1)?.event?.position;
        if (page.length < pageSize || !last) break;
        from = floor = last;
      }
      return events;
    } catch (error) {
      throw toPortError(error, 'read $all');
    }
  }

  /**
   * The newest event the subscriptions would deliver (same prefixes), not the newest record in the log: system
   * records (links written by system projections, stats) follow every append, and counting them would show lag
   * for a projector that is fully caught up. Scans backwards page by page until it meets one of our events.
   */
  async headPosition(): Promise<number> {
    const prefixes = this.prefixesFor(undefined);
    if (prefixes?.length === 0) return 0;
    let from: ReadPosition = END;
    let ceiling: Position | undefined;
    try {
      for (;;) {
        const page = await this.readAllPage(from, HEAD_PAGE, BACKWARDS, 'read the head of $all');
        for (const { event } of page) {
          if (!event || (ceiling && compare(event.position, ceiling) >= 0)) continue;
          if (isVisible(event, prefixes)) return toPortPosition(event.position, `event ${event.id}`);
        }
        const last = page.at(-1)?.event?.position;
        if (page.length < HEAD_PAGE || !last) return 0;
        from = ceiling = last;
      }
    } catch (error) {
      throw toPortError(error, 'read the head of $all');
    }
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const prefixes = this.prefixesFor(options.streamPrefixes);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    }
    if (prefixes?.length === 0) return this.track(idleSubscription());
    // No deadline here: a subscription lives on; the client's keepalive notices a dead server.
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(options.after),
      filter: toSubscriptionFilter(prefixes),
      resolveLinkTos: false,
    });
    const subscription = deliverInBatches(
      source,
      {
        after: options.after,
        batchSize,
        confirmWithinMs: this.deadlineMs,
        accept: ({ event }) => (event && isVisible(event, prefixes) ? toRecordedEvent(event) : undefined),
        toPortError: (error) => toPortError(error, 'subscription to $all'),
      },
      handler,
    );
    return this.track(subscription);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await withDeadline(this.deadlineMs, 'close', this.client.dispose());
  }

  /** No prefixes means every stream; an empty list means none. */
  private prefixesFor(requested: readonly string[] | undefined): readonly string[] | undefined {
    return requested ?? this.streamPrefixes;
  }

  private track(subscription: Subscription): Subscription {
    this.subscriptions.add(subscription);
    subscription.done
      .finally(() => this.subscriptions.delete(subscription))
      .catch(() => undefined);
    return subscription;
  }

  /** Servers that answer an idempotent retry without a position: the event at that revision has it. */
  private async positionOf(stream: string, revision: number): Promise<number> {
    const [event] = await this.readStreamFrom(stream, BigInt(revision), `read ${stream}@${revision}`, 1);
    if (!event) throw new RangeError(`${stream}@${revision} was appended but cannot be read back`);
    return event.position;
  }

  private async readStreamFrom(
    stream: string,
    fromRevision: bigint | typeof START,
    operation: string,
    maxCount?: number,
  ): Promise<RecordedEvent[]> {
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision,
      maxCount,
      resolveLinkTos: false,
      deadline: this.deadlineMs,
    });
    const resolved = await withDeadline(this.deadlineMs, operation, collect(read), () => cancel(read));
    return resolved.flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
  }

  private readAllPage(
    fromPosition: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
    operation: string,
  ): Promise<AllStreamResolvedEvent[]> {
    const read = this.client.readAll({
      fromPosition,
      maxCount,
      direction,
      resolveLinkTos: false,
      deadline: this.deadlineMs,
    });
    return withDeadline(this.deadlineMs, operation, collect(read), () => cancel(read));
  }
}

function cancel(read: { cancel(): Promise<void> }): void {
  read.cancel().catch(() => undefined);
}

/** $all order: by commit position, then prepare position. */
function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
