import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';
import { aRecord } from './esdb-client.fake';
import {
  SCHEMA_VERSION_KEY,
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
import { EsdbUnsupportedRecordError } from './esdb-unsupported-record.error';

const aNewEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'DocumentReviewed',
  version: 3,
  data: { documentId: 'd-1', decision: 'approve', facts: { number: 'X1', validUntil: '2031-01-01' } },
  metadata: { correlationId: 'c-1', causationId: 'c-0', principal: { sub: 'anna', department: 'kyc' } },
  ...overrides,
});

describe('revisions', () => {
  it.each<[number | 'no_stream', bigint | string]>([
    ['no_stream', 'no_stream'],
    [0, 0n],
    [41, 41n],
    [Number.MAX_SAFE_INTEGER, 9007199254740991n],
  ])('sends expected revision %p as %p, never as any', (expected, sent) => {
    expect(toExpectedRevision(expected)).toBe(sent);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses expected revision %p', (expected) => {
    expect(() => toExpectedRevision(expected)).toThrow(RangeError);
  });

  it.each<[bigint | 'no_stream', number | 'no_stream']>([
    ['no_stream', 'no_stream'],
    [0n, 0],
    [7n, 7],
  ])('reads the current revision %p back as %p', (current, revision) => {
    expect(fromCurrentRevision(current)).toBe(revision);
  });

  it('refuses a revision beyond what a number holds exactly', () => {
    expect(() => fromCurrentRevision(2n ** 60n)).toThrow(EsdbUnsupportedRecordError);
  });
});

describe('positions', () => {
  it('uses the log position of a self-committed event, where commit and prepare are equal', () => {
    expect(toPortPosition({ commit: 123_456n, prepare: 123_456n }, 'event')).toBe(123_456);
  });

  it('maps a position back to the same commit and prepare, so a subscription resumes right after that event', () => {
    expect(toEsdbPosition(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
    expect(toReadPosition(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
  });

  it('reads from the start of $all for position 0', () => {
    expect(toReadPosition(0)).toBe('start');
  });

  it('refuses an event of an explicit transaction, whose commit position it shares with others', () => {
    expect(() => toPortPosition({ commit: 900n, prepare: 500n }, 'event e1')).toThrow(
      new EsdbUnsupportedRecordError(
        'event e1 was written in an explicit transaction (commit 900, prepare 500); ' +
          'its position cannot be represented as one number',
      ),
    );
  });

  it('refuses a record without a position', () => {
    expect(() => toPortPosition(undefined, 'event e1')).toThrow(EsdbUnsupportedRecordError);
  });

  it('refuses a position beyond what a number holds exactly', () => {
    expect(() => toPortPosition({ commit: 2n ** 53n, prepare: 2n ** 53n }, 'event')).toThrow(
      EsdbUnsupportedRecordError,
    );
  });

  it.each([-1, 0.5, Number.NaN])('refuses %p as a position to read from', (position) => {
    expect(() => toReadPosition(position)).toThrow(RangeError);
  });
});

describe('events', () => {
  it('writes a JSON event with the writer id, the type, and the schema version after the metadata', () => {
    const event = aNewEvent();

    const data = toEventData(event);

    expect(data).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'DocumentReviewed',
      data: event.data,
      metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: 3 },
    });
    expect(Object.keys(data.metadata as object)).toEqual([
      'correlationId',
      'causationId',
      'principal',
      SCHEMA_VERSION_KEY,
    ]);
  });

  it('reads back exactly what was written, the version out of the metadata again', () => {
    const event = aNewEvent();
    const written = toEventData(event);
    const created = new Date('2025-03-04T05:06:07.890Z');

    const recorded = toRecordedEvent(
      aRecord({
        id: written.id,
        type: written.type,
        data: JSON.parse(JSON.stringify(written.data)),
        metadata: JSON.parse(JSON.stringify(written.metadata)),
        streamId: 'document-d-1',
        revision: 4n,
        at: 98_765,
        created,
      }),
    );

    expect(recorded).toStrictEqual({
      ...event,
      stream: 'document-d-1',
      revision: 4,
      position: 98_765,
      recordedAt: created,
    });
    expect(Object.keys(recorded.metadata)).toEqual(Object.keys(event.metadata));
  });

  it('refuses metadata that uses the reserved schema version key', () => {
    expect(() => toEventData(aNewEvent({ metadata: { [SCHEMA_VERSION_KEY]: 9 } }))).toThrow(
      EsdbUnsupportedRecordError,
    );
  });

  it.each([0, -1, 1.5])('refuses schema version %p', (version) => {
    expect(() => toEventData(aNewEvent({ version }))).toThrow(RangeError);
  });

  it.each([
    ['binary data', { isJson: false, data: new Uint8Array([1, 2]) }],
    ['JSON that is not an object', { data: ['a'] }],
    ['no metadata', { metadata: undefined }],
    ['no schema version', { metadata: { correlationId: 'c-1' } }],
    ['a schema version that is not a positive integer', { metadata: { [SCHEMA_VERSION_KEY]: '2' } }],
  ])('refuses a record with %s', (_, overrides) => {
    expect(() => toRecordedEvent(aRecord(overrides as Parameters<typeof aRecord>[0]))).toThrow(
      EsdbUnsupportedRecordError,
    );
  });
});

describe('filters', () => {
  it('subscribes with a stream name prefix filter when prefixes are given', () => {
    expect(toSubscriptionFilter(['document-', 'access-'])).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['document-', 'access-'],
    });
  });

  it('subscribes excluding system event types when no prefix is given', () => {
    expect(toSubscriptionFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it.each<[string, string, readonly string[] | undefined, boolean]>([
    ['document-1', 'DocumentSubmitted', ['document-'], true],
    ['document-request-1', 'DocumentRequested', ['document-request-'], true],
    ['access-1', 'DocumentContentRead', ['document-'], false],
    ['Document-1', 'DocumentSubmitted', ['document-'], false],
    ['documentX1', 'DocumentSubmitted', ['document-'], false],
    ['anything', 'Happened', undefined, true],
    ['document-1', 'Happened', [], false],
    ['$ce-document', '$>', undefined, false],
    ['$$document-1', '$metadata', ['$$document-'], false],
    ['document-1', '$streamDeleted', ['document-'], false],
  ])('sees %s (%s) with prefixes %p: %p', (streamId, type, prefixes, visible) => {
    expect(isVisible(aRecord({ streamId, type }), prefixes)).toBe(visible);
  });
});
