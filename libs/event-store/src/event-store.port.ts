/**
 * The event store port. Every adapter (SQLite, PostgreSQL, EventStoreDB) passes the same contract suite
 * in `testing/event-store.contract.ts`.
 *
 * Revisions are 0-based per stream, as in EventStoreDB. Positions are global and strictly increasing in the order
 * events were committed; a reader that has seen position P has seen every event at or below P. Both fit in a JS
 * number: 2^53 events or log bytes is far beyond any vault.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

export type JsonObject = { [key: string]: unknown };

/** What a stream's revision must be for an append to go through. There is deliberately no "any". */
export type ExpectedRevision = number | 'no_stream';

export interface NewEvent {
  /** A UUID chosen by the writer. Appending the same ids again is a no-op, which makes retries safe. */
  readonly id: string;
  readonly type: string;
  /** Schema version of `data`; readers upcast older versions. */
  readonly version: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent extends NewEvent {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: Date;
}

export interface StreamRead {
  /** The revision of the last event, or `no_stream` when the stream has no events. */
  readonly revision: ExpectedRevision;
  readonly events: readonly RecordedEvent[];
}

export interface AppendResult {
  /** The stream's revision after the append. */
  readonly revision: number;
  /** The global position of the last appended event. */
  readonly position: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0 (the beginning) or a position this store handed out. */
  readonly after: number;
  readonly limit: number;
  /** Only streams whose name starts with one of these prefixes. All streams when omitted. */
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts strictly after it. */
  readonly after: number;
  readonly streamPrefixes?: readonly string[];
  /** Largest batch handed to the handler at once. */
  readonly batchSize?: number;
}

/** Receives events in global order. The next batch waits until the returned promise settles. */
export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Stops delivery; resolves once the handler is no longer running. */
  stop(): Promise<void>;
  /** Resolves when stopped, rejects with the handler's or the store's error when delivery failed. Subscribers must
   * observe it: an unobserved failure is an unhandled rejection. */
  readonly done: Promise<void>;
}

export interface EventStore {
  /** Appends atomically. Throws `WrongExpectedRevisionError` when the stream is not at `expected`. */
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string): Promise<StreamRead>;
  readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** Catch-up then live delivery, from a checkpoint the subscriber keeps. */
  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription;
  /** Position of the newest event, 0 when empty. Used to report projection lag. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
