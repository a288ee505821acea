import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { anEvent } from '../testing';
import { StreamNotFoundError, WrongExpectedVersionError, type EsdbRecordedEvent } from './esdb-client';
import { AllLog, FakeEsdbClient, aHangingRead, aRead, aRecord, resolved } from './esdb-client.fake';
import { EsdbEventStore } from './esdb-event-store';
import { SCHEMA_VERSION_KEY } from './esdb-mapping';

const DEADLINE_MS = 50;

function setup(options: { streamPrefixes?: string[] } = {}) {
  const client = new FakeEsdbClient();
  const store = new EsdbEventStore(client, { deadlineMs: DEADLINE_MS, ...options });
  return { client, store };
}

const success = (revision: bigint, at?: number) => ({
  success: true,
  nextExpectedRevision: revision,
  position: at === undefined ? undefined : { commit: BigInt(at), prepare: BigInt(at) },
});

describe('append', () => {
  it('sends the events as JSON with their ids, the expected revision as a bigint and a deadline', async () => {
    const { client, store } = setup();
    const events = [anEvent({ version: 2 }), anEvent()];
    client.onAppend = async () => success(6n, 4_321);

    const result = await store.append('document-1', events, 5);

    expect(result).toEqual({ revision: 6, position: 4_321 });
    const [[stream, sent, options]] = client.appends;
    expect(stream).toBe('document-1');
    expect(options).toEqual({ expectedRevision: 5n, deadline: DEADLINE_MS });
    expect(sent.map((event) => [event.id, event.type, event.contentType])).toEqual(
      events.map((event) => [event.id, event.type, 'application/json']),
    );
    expect(sent.map((event) => (event.metadata as Record<string, unknown>)[SCHEMA_VERSION_KEY])).toEqual([2, 1]);
  });

  it('creates a stream with no_stream', async () => {
    const { client, store } = setup();
    client.onAppend = async () => success(0n, 10);

    await store.append('document-1', [anEvent()], 'no_stream');

    expect(client.appends[0][2].expectedRevision).toBe('no_stream');
  });

  it('turns the client conflict into the port one, with revisions as numbers', async () => {
    const { client, store } = setup();
    client.onAppend = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 'document-1', expected: 0n, current: 1n });
    };

    const error = await store.append('document-1', [anEvent()], 0).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ stream: 'document-1', expected: 0, actual: 1 });
  });

  it('reports a missing stream as no_stream in a conflict', async () => {
    const { client, store } = setup();
    client.onAppend = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 'document-1', expected: 0n, current: 'no_stream' });
    };

    await expect(store.append('document-1', [anEvent()], 0)).rejects.toMatchObject({
      expected: 0,
      actual: 'no_stream',
    });
  });

  it('reads the position of the last event back when the server answers without one', async () => {
    const { client, store } = setup();
    client.onAppend = async () => success(2n);
    client.onReadStream = () => aRead([resolved(aRecord({ streamId: 'document-1', revision: 2n, at: 777 }))]);

    const result = await store.append('document-1', [anEvent()], 1);

    expect(result).toEqual({ revision: 2, position: 777 });
    expect(client.streamReads).toEqual([
      [
        'document-1',
        expect.objectContaining({ fromRevision: 2n, maxCount: 1, direction: 'forwards', deadline: DEADLINE_MS }),
      ],
    ]);
  });

  it('refuses an empty append without calling the server', async () => {
    const { client, store } = setup();

    await expect(store.append('document-1', [], 'no_stream')).rejects.toThrow(RangeError);
    expect(client.appends).toHaveLength(0);
  });

  it('reports a refused connection as unavailable', async () => {
    const { client, store } = setup();
    client.onAppend = async () => {
      throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    };

    await expect(store.append('document-1', [anEvent()], 'no_stream')).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });

  it('gives up after the deadline when the server never answers', async () => {
    const { client, store } = setup();
    client.onAppend = () => new Promise(() => undefined);

    await expect(store.append('document-1', [anEvent()], 'no_stream')).rejects.toThrow(
      new EventStoreUnavailableError(`EventStoreDB did not answer append to document-1 within ${DEADLINE_MS} ms`),
    );
  });
});

describe('readStream', () => {
  it('reads the whole stream forwards and reports the last revision', async () => {
    const { client, store } = setup();
    const records = [0n, 1n, 2n].map((revision) =>
      aRecord({ streamId: 'document-1', revision, at: 100 + Number(revision) }),
    );
    client.onReadStream = () => aRead(records.map(resolved));

    const read = await store.readStream('document-1');

    expect(read.revision).toBe(2);
    expect(read.events.map((event) => [event.id, event.revision, event.position])).toEqual([
      [records[0].id, 0, 100],
      [records[1].id, 1, 101],
      [records[2].id, 2, 102],
    ]);
    expect(client.streamReads[0]).toEqual([
      'document-1',
      expect.objectContaining({ fromRevision: 'start', direction: 'forwards', deadline: DEADLINE_MS }),
    ]);
  });

  it('reads a stream that does not exist as no_stream', async () => {
    const { client, store } = setup();
    client.onReadStream = () => aRead([], new StreamNotFoundError(undefined, 'document-1'));

    await expect(store.readStream('document-1')).resolves.toEqual({ revision: 'no_stream', events: [] });
  });

  it('cancels the read and reports unavailable after the deadline', async () => {
    const { client, store } = setup();
    const read = aHangingRead<never>();
    client.onReadStream = () => read;

    await expect(store.readStream('document-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(read.cancelled).toBe(true);
  });
});

describe('readAll', () => {
  let position = 0;
  const at = () => (position += 37);
  const ours = (streamId = 'document-1'): EsdbRecordedEvent => aRecord({ streamId, at: at() });
  const system = (): EsdbRecordedEvent => aRecord({ streamId: '$ce-document', type: '$>', at: at() });

  it('returns events strictly after the position, in order, up to the limit', async () => {
    const { client, store } = setup();
    const log = [ours(), ours(), system(), ours(), ours()];
    client.onReadAll = new AllLog(log).read;
    const after = Number(log[0].position?.commit);

    const events = await store.readAll({ after, limit: 2 });

    expect(events.map((event) => event.id)).toEqual([log[1].id, log[3].id]);
    expect(client.allReads[0][0]).toMatchObject({
      fromPosition: { commit: BigInt(after), prepare: BigInt(after) },
      direction: 'forwards',
      resolveLinkTos: false,
      deadline: DEADLINE_MS,
    });
  });

  it('reads from the start of $all for position 0', async () => {
    const { client, store } = setup();
    const log = [ours(), ours()];
    client.onReadAll = new AllLog(log).read;

    const events = await store.readAll({ after: 0, limit: 10 });

    expect(events.map((event) => event.id)).toEqual(log.map((record) => record.id));
    expect(client.allReads[0][0].fromPosition).toBe('start');
  });

  it('keeps only the streams of the prefixes, and never system streams', async () => {
    const { client, store } = setup();
    const log = [ours('document-1'), ours('access-1'), system(), ours('document-request-1'), ours('Document-2')];
    client.onReadAll = new AllLog(log).read;

    const filtered = await store.readAll({ after: 0, limit: 10, streamPrefixes: ['document-'] });
    const everything = await store.readAll({ after: 0, limit: 10 });

    expect(filtered.map((event) => event.stream)).toEqual(['document-1', 'document-request-1']);
    expect(everything.map((event) => event.stream)).toEqual([
      'document-1',
      'access-1',
      'document-request-1',
      'Document-2',
    ]);
  });

  it('uses the prefixes of the store when a call names none, and none for an empty list', async () => {
    const { client, store } = setup({ streamPrefixes: ['access-'] });
    client.onReadAll = new AllLog([ours('document-1'), ours('access-1')]).read;

    const defaulted = await store.readAll({ after: 0, limit: 10 });
    const none = await store.readAll({ after: 0, limit: 10, streamPrefixes: [] });

    expect(defaulted.map((event) => event.stream)).toEqual(['access-1']);
    expect(none).toEqual([]);
  });

  it('pages through $all past events it filters out, and does not repeat the event a page ends with', async () => {
    const { client, store } = setup();
    const noise = (count: number) => Array.from({ length: count }, () => ours('access-1'));
    const log = [...noise(499), ours('document-1'), ...noise(701), ours('document-2')];
    const wanted = [log[499], log[1_201]];
    client.onReadAll = new AllLog(log).read;

    const events = await store.readAll({ after: 0, limit: 10, streamPrefixes: ['document-'] });

    expect(events.map((event) => event.id)).toEqual(wanted.map((record) => record.id));
    expect(client.allReads[1][0].fromPosition).toEqual(wanted[0].position);
    expect(client.allReads).toHaveLength(3);
  });

  it('refuses to present an explicit-transaction event with a made-up position', async () => {
    const { client, store } = setup();
    client.onReadAll = () => aRead([resolved(aRecord({ position: { commit: 900n, prepare: 500n } }))]);

    await expect(store.readAll({ after: 0, limit: 10 })).rejects.toMatchObject({
      code: 'EVENT_STORE.ESDB_UNSUPPORTED_RECORD',
    });
  });
});

describe('headPosition', () => {
  let position = 0;
  const record = (streamId: string, type = 'Happened') => aRecord({ streamId, type, at: (position += 11) });

  it('is the position of the newest event of our streams, ignoring the system records after it', async () => {
    const { client, store } = setup();
    const newest = record('document-1');
    client.onReadAll = new AllLog([record('document-1'), newest, record('$ce-document', '$>'), record('$stats')]).read;

    await expect(store.headPosition()).resolves.toBe(Number(newest.position?.commit));
    expect(client.allReads[0][0]).toMatchObject({ fromPosition: 'end', direction: 'backwards' });
  });

  it('pages backwards until it finds one, and respects the prefixes of the store', async () => {
    const { client, store } = setup({ streamPrefixes: ['document-'] });
    const newest = record('document-1');
    const newer = Array.from({ length: 250 }, () => record('access-1'));
    client.onReadAll = new AllLog([record('document-0'), newest, ...newer]).read;

    await expect(store.headPosition()).resolves.toBe(Number(newest.position?.commit));
    expect(client.allReads).toHaveLength(3);
  });

  it('is 0 when none of our events exist', async () => {
    const { client, store } = setup();
    client.onReadAll = new AllLog([record('$stats'), record('$settings')]).read;

    await expect(store.headPosition()).resolves.toBe(0);
  });

  it('reports unavailable after the deadline', async () => {
    const { client, store } = setup();
    client.onReadAll = () => aHangingRead();

    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('close', () => {
  it('disposes the client', async () => {
    const { client, store } = setup();

    await store.close();

    expect(client.disposed).toBe(1);
  });
});

it('refuses a deadline that is not positive', () => {
  expect(() => new EsdbEventStore(new FakeEsdbClient(), { deadlineMs: 0 })).toThrow(RangeError);
});
