import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '../event-store.port';
import type { CommitStats } from '../sql/sql-event-store';
import { EventIdAlreadyUsedError } from '../sql/event-id-already-used.error';
import { anEvent } from '../testing';
import { eventually } from '../testing/eventually';
import { createSqliteEventStore } from './sqlite-event-store';

describe('SQLite event store', () => {
  let dir: string;
  let file: string;
  const opened: EventStore[] = [];

  const open = async (pollIntervalMs?: number, onCommit?: (stats: CommitStats) => void): Promise<EventStore> => {
    const store = await createSqliteEventStore(file, { pollIntervalMs, onCommit });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-event-store-'));
    file = join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty, at head position 0', async () => {
    const store = await open();

    await expect(store.headPosition()).resolves.toBe(0);
    await expect(store.readAll({ after: 0, limit: 10 })).resolves.toEqual([]);
  });

  it('keeps its events when closed and opened again', async () => {
    const first = await open();
    const event = anEvent();
    const result = await first.append('document-1', [event], 'no_stream');
    await first.close();

    const again = await open();

    expect((await again.readStream('document-1')).events.map((read) => read.id)).toEqual([event.id]);
    await expect(again.headPosition()).resolves.toBe(result.position);
    await expect(again.append('document-1', [anEvent()], 0)).resolves.toMatchObject({ revision: 1 });
  });

  it('commits appends that arrive together in one synced transaction, and says how many each carried', async () => {
    const commits: CommitStats[] = [];
    const store = await open(undefined, (stats) => commits.push(stats));

    await Promise.all(Array.from({ length: 100 }, () => store.append(`stream-${randomUUID()}`, [anEvent(), anEvent()], 'no_stream')));

    expect(commits.reduce((sum, { events }) => sum + events, 0)).toBe(200);
    expect(commits.reduce((sum, { appends }) => sum + appends, 0)).toBe(100);
    expect(commits.length).toBeLessThanOrEqual(2);
  });

  it('refuses an event id used elsewhere without failing the appends committed beside it', async () => {
    const store = await open();
    const used = anEvent();
    await store.append(`stream-${randomUUID()}`, [used], 'no_stream');
    const beside = Array.from({ length: 5 }, () => `stream-${randomUUID()}`);

    const [reused, ...others] = await Promise.allSettled([
      store.append(`stream-${randomUUID()}`, [anEvent(), { ...anEvent(), id: used.id }], 'no_stream'),
      ...beside.map((stream) => store.append(stream, [anEvent()], 'no_stream')),
    ]);

    expect(reused).toMatchObject({ status: 'rejected', reason: expect.any(EventIdAlreadyUsedError) });
    expect(others.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    for (const stream of beside) expect((await store.readStream(stream)).revision).toBe(0);
  });

  it('writes the file in WAL mode', async () => {
    await open();

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('delivers to a subscription events appended through another connection to the same file', async () => {
    const writer = await open();
    const reader = await open(20);
    const appended = [anEvent(), anEvent()];
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: 0 }, async (batch) => void received.push(...batch));

    await writer.append(`document-${randomUUID()}`, appended, 'no_stream');
    await eventually(() => received.length >= 2, { until: "the other connection's events are delivered" });
    await subscription.stop();

    expect(received.map((event) => event.id)).toEqual(appended.map((event) => event.id));
  });

  it('refuses event ids already used elsewhere, naming them, and writes nothing', async () => {
    const store = await open();
    const used = anEvent();
    await store.append('document-1', [used], 'no_stream');

    const attempt = store.append('document-2', [anEvent(), used], 'no_stream');

    await expect(attempt).rejects.toBeInstanceOf(EventIdAlreadyUsedError);
    await expect(attempt).rejects.toMatchObject({ stream: 'document-2', eventIds: [used.id] });
    await expect(store.readStream('document-2')).resolves.toEqual({ revision: 'no_stream', events: [] });
  });

  it('refuses an empty append and a malformed expected revision', async () => {
    const store = await open();

    await expect(store.append('document-1', [], 'no_stream')).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('document-1', [anEvent()], -1)).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('document-1', [anEvent()], 1.5)).rejects.toBeInstanceOf(RangeError);
  });
});
