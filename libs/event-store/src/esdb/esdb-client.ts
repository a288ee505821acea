/**
 * The only file that imports the EventStoreDB client. The adapter needs five calls; `EventStoreDBClient` satisfies
 * this interface structurally, and so does its renamed successor (`@kurrent/kurrentdb-client`), so switching
 * clients means changing the imports below and nothing else.
 */
import {
  EventStoreDBClient,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';

export {
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
export type {
  AllStreamResolvedEvent,
  AppendResult,
  CurrentRevision,
  EventData,
  Filter,
  Position,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
  ResolvedEvent,
} from '@eventstore/db-client';

/** A finite read: iterate it to the end, or cancel it. */
export interface EsdbRead<E> extends AsyncIterable<E> {
  cancel(): Promise<void>;
}

/** A catch-up subscription: iterating it applies backpressure to the server through gRPC flow control. */
export interface EsdbSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  once(event: 'confirmation', listener: () => void): unknown;
}

export interface EsdbClient {
  appendToStream(stream: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(stream: string, options: ReadStreamOptions): EsdbRead<ResolvedEvent>;
  readAll(options: EsdbReadAllOptions): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EsdbSubscription;
  dispose(): Promise<void>;
}

/**
 * Connects lazily (nothing is opened until the first call); throws the client's parse error when the connection
 * string is malformed. This client only knows the `esdb` schemes; `kurrentdb` ones are their renamed equivalents.
 */
export function connectEsdb(connectionString: string): EsdbClient {
  const understood = connectionString.trim().replace(/^kurrentdb(\+discover)?:\/\//, 'esdb$1://');
  return EventStoreDBClient.connectionString(understood);
}
