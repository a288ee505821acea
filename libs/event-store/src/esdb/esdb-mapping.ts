import type { ExpectedRevision, JsonObject, NewEvent, RecordedEvent } from '../event-store.port';
import {
  NO_STREAM,
  START,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type CurrentRevision,
  type EsdbRecordedEvent,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
} from './esdb-client';
import { EsdbUnsupportedRecordError } from './esdb-unsupported-record.error';

/** Metadata key carrying the port's schema `version`; EventStoreDB reserves `$`-prefixed keys by convention. */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

export function toExpectedRevision(expected: ExpectedRevision): bigint | typeof NO_STREAM {
  if (expected === 'no_stream') return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected revision must be a non-negative integer or 'no_stream', got ${expected}`);
  }
  return BigInt(expected);
}

export function fromCurrentRevision(current: CurrentRevision): ExpectedRevision {
  return current === 'no_stream' ? 'no_stream' : toSafeNumber(current, 'revision');
}

/*
 * Positions. EventStoreDB writes each event of an append as its own self-committed prepare record, and reports
 * such an event in $all at {commit: P, prepare: P}, P being that record's log position: events of one append do
 * NOT share a commit position, and P is unique and strictly increasing in $all order. An append answers with the
 * position of its last event in the same form. So the port's number is P, and it maps back to {P, P}: a
 * subscription from {P, P} is exclusive (the server skips events at or before it), a read of $all from {P, P} is
 * inclusive (the adapter drops the event at P). P must be 0 or a position this store handed out: the server
 * refuses to read from the middle of a record.
 * Only the legacy TCP API's explicit transactions give events a commit position different from their prepare
 * position (the transaction's events share the commit record's position); one number cannot resume inside such a
 * transaction, so those records are refused rather than mis-positioned.
 */
export function toPortPosition(position: Position | undefined, where: string): number {
  if (!position) {
    throw new EsdbUnsupportedRecordError(`${where} has no log position (EventStoreDB 22.10 or later is required)`);
  }
  if (position.commit !== position.prepare) {
    throw new EsdbUnsupportedRecordError(
      `${where} was written in an explicit transaction (commit ${position.commit}, prepare ${position.prepare}); ` +
        'its position cannot be represented as one number',
    );
  }
  return toSafeNumber(position.commit, 'position');
}

export function toEsdbPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`position must be a non-negative integer, got ${position}`);
  }
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** 0 is the port's "from the beginning"; any other checkpoint is a position this store handed out. */
export function toReadPosition(after: number): ReadPosition {
  return after === 0 ? START : toEsdbPosition(after);
}

export function toEventData(event: NewEvent): EventData {
  if (SCHEMA_VERSION_KEY in event.metadata) {
    throw new EsdbUnsupportedRecordError(`event ${event.id}: metadata key ${SCHEMA_VERSION_KEY} is reserved`);
  }
  if (!Number.isSafeInteger(event.version) || event.version < 1) {
    throw new RangeError(`event ${event.id}: version must be a positive integer, got ${event.version}`);
  }
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.version },
  });
}

export function toRecordedEvent(record: EsdbRecordedEvent): RecordedEvent {
  const where = `event ${record.id} in ${record.streamId}@${record.revision}`;
  if (!record.isJson || !isJsonObject(record.data)) {
    throw new EsdbUnsupportedRecordError(`${where} does not hold a JSON object`);
  }
  if (!isJsonObject(record.metadata)) {
    throw new EsdbUnsupportedRecordError(`${where} has no JSON metadata`);
  }
  const { [SCHEMA_VERSION_KEY]: version, ...metadata } = record.metadata;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new EsdbUnsupportedRecordError(`${where} has no ${SCHEMA_VERSION_KEY} in its metadata`);
  }
  return {
    id: record.id,
    type: record.type,
    version,
    data: record.data,
    metadata,
    stream: record.streamId,
    revision: toSafeNumber(record.revision, 'revision'),
    position: toPortPosition(record.position, where),
    recordedAt: record.created,
  };
}

/** Server-side filter for a subscription to $all: our prefixes, or every stream that is not a system one. */
export function toSubscriptionFilter(prefixes: readonly string[] | undefined): Filter {
  return prefixes ? streamNameFilter({ prefixes: [...prefixes] }) : excludeSystemEvents();
}

/**
 * The same rule applied on our side: this client's reads of $all cannot filter on the server, and a subscription
 * keeps the check as a guard. System streams and system event types (links, metadata, tombstones) start with `$`.
 */
export function isVisible(record: EsdbRecordedEvent, prefixes: readonly string[] | undefined): boolean {
  if (record.streamId.startsWith('$') || record.type.startsWith('$')) return false;
  return !prefixes || prefixes.some((prefix) => record.streamId.startsWith(prefix));
}

function toSafeNumber(value: bigint, what: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new EsdbUnsupportedRecordError(`${what} ${value} does not fit in a JavaScript number`);
  }
  return number;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
