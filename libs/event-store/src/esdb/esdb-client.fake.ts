import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  AllStreamResolvedEvent,
  AppendResult,
  EsdbClient,
  EsdbRead,
  EsdbRecordedEvent,
  EsdbSubscription,
  Position,
  ResolvedEvent,
} from './esdb-client';
import { SCHEMA_VERSION_KEY } from './esdb-mapping';

/*
 * Test doubles for the adapter's five client calls. No EventStoreDB server can run where the unit tests run, so
 * these stand in for it; `AllLog` mimics how the server pages through $all (inclusive forwards, exclusive backwards).
 */

type Options<K extends keyof EsdbClient> = EsdbClient[K] extends (...args: infer A) => unknown ? A : never;

export class FakeEsdbClient implements EsdbClient {
  readonly appends: Options<'appendToStream'>[] = [];
  readonly streamReads: Options<'readStream'>[] = [];
  readonly allReads: Options<'readAll'>[] = [];
  readonly subscriptions: Options<'subscribeToAll'>[] = [];
  disposed = 0;

  onAppend: (...args: Options<'appendToStream'>) => Promise<AppendResult> = async () => {
    throw new Error('unexpected append');
  };
  onReadStream: (...args: Options<'readStream'>) => EsdbRead<ResolvedEvent> = () => {
    throw new Error('unexpected readStream');
  };
  onReadAll: (...args: Options<'readAll'>) => EsdbRead<AllStreamResolvedEvent> = () => {
    throw new Error('unexpected readAll');
  };
  onSubscribe: (...args: Options<'subscribeToAll'>) => EsdbSubscription = () => {
    throw new Error('unexpected subscribeToAll');
  };

  appendToStream(...args: Options<'appendToStream'>): Promise<AppendResult> {
    this.appends.push(args);
    return this.onAppend(...args);
  }

  readStream(...args: Options<'readStream'>): EsdbRead<ResolvedEvent> {
    this.streamReads.push(args);
    return this.onReadStream(...args);
  }

  readAll(...args: Options<'readAll'>): EsdbRead<AllStreamResolvedEvent> {
    this.allReads.push(args);
    return this.onReadAll(...args);
  }

  subscribeToAll(...args: Options<'subscribeToAll'>): EsdbSubscription {
    this.subscriptions.push(args);
    return this.onSubscribe(...args);
  }

  async dispose(): Promise<void> {
    this.disposed += 1;
  }
}

export interface FakeRead<E> extends EsdbRead<E> {
  readonly cancelled: boolean;
}

/** A read that yields `events`, then fails with `error` if one is given. */
export function aRead<E>(events: readonly E[], error?: unknown): FakeRead<E> {
  let cancelled = false;
  return {
    get cancelled() {
      return cancelled;
    },
    async cancel() {
      cancelled = true;
    },
    async *[Symbol.asyncIterator]() {
      yield* events;
      if (error !== undefined) throw error;
    },
  };
}

/** A read that never yields anything, like one sent to a peer that never answers. */
export function aHangingRead<E>(): FakeRead<E> {
  let cancelled = false;
  return {
    get cancelled() {
      return cancelled;
    },
    async cancel() {
      cancelled = true;
    },
    [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<E>>(() => undefined) }),
  };
}

/** A recorded event as the client returns it, written through this adapter unless overridden. */
export function aRecord(overrides: Partial<EsdbRecordedEvent> & { at?: number } = {}): EsdbRecordedEvent {
  const { at = 1_000, ...rest } = overrides;
  return {
    streamId: 'document-1',
    id: randomUUID(),
    isJson: true,
    revision: 0n,
    type: 'DocumentSubmitted',
    created: new Date('2025-01-02T03:04:05.678Z'),
    data: { documentId: '1' },
    metadata: { correlationId: 'c-1', [SCHEMA_VERSION_KEY]: 1 },
    position: { commit: BigInt(at), prepare: BigInt(at) },
    ...rest,
  } as EsdbRecordedEvent;
}

export function resolved(record: EsdbRecordedEvent): AllStreamResolvedEvent {
  return { event: record as AllStreamResolvedEvent['event'], commitPosition: record.position?.commit };
}

/** $all as the server pages through it: forwards from a position inclusive, backwards from one exclusive. */
export class AllLog {
  constructor(readonly records: readonly EsdbRecordedEvent[]) {}

  read: FakeEsdbClient['onReadAll'] = ({ fromPosition = 'start', maxCount = Number.MAX_SAFE_INTEGER, direction }) => {
    const count = Number(maxCount);
    const at = (record: EsdbRecordedEvent): bigint => (record.position as Position).commit;
    if (direction === 'backwards') {
      const before =
        fromPosition === 'end'
          ? this.records
          : this.records.filter((record) => fromPosition !== 'start' && at(record) < fromPosition.commit);
      return aRead(before.slice(-count).reverse().map(resolved));
    }
    const from =
      fromPosition === 'start'
        ? this.records
        : fromPosition === 'end'
          ? []
          : this.records.filter((record) => at(record) >= fromPosition.commit);
    return aRead(from.slice(0, count).map(resolved));
  };
}

/** A subscription the test feeds by hand; iterating it pulls from an object-mode stream, as the client's does. */
export class FakeSubscription implements EsdbSubscription {
  private readonly stream = new Readable({ objectMode: true, read: () => undefined });
  unsubscribed = 0;

  constructor(confirmed = true) {
    if (confirmed) setImmediate(() => this.confirm());
  }

  confirm(): void {
    this.stream.emit('confirmation');
  }

  push(...records: EsdbRecordedEvent[]): void {
    records.forEach((record) => this.stream.push(resolved(record)));
  }

  end(): void {
    this.stream.push(null);
  }

  fail(error: Error): void {
    this.stream.destroy(error);
  }

  /** How many events were pushed and not yet pulled by the adapter. */
  get buffered(): number {
    return this.stream.readableLength;
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed += 1;
  }

  once(event: 'confirmation', listener: () => void): this {
    this.stream.once(event, listener);
    return this;
  }

  [Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    return this.stream[Symbol.asyncIterator]();
  }
}
