import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventStoreUnavailableError } from '../event-store.errors';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { EventIdAlreadyUsedError } from '../sql/event-id-already-used.error';
import { anEvent, describeEventStoreContract } from '../testing';
import { eventually } from '../testing/eventually';
import { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

function serverUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'TEST_POSTGRES_URL is not set: start a server (scripts/services/postgres.sh up DIR PORT) and set it to ' +
        'postgres://postgres@127.0.0.1:PORT/postgres',
    );
  }
  return url;
}

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const onServer = <T>(work: (client: Client) => Promise<T>): Promise<T> => onDatabase(serverUrl(), work);

async function sleepingBackends(client: Client): Promise<number> {
  const { rows } = await client.query<{ sleeping: string }>(
    "select count(*) as sleeping from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'",
  );
  return Number(rows[0].sleeping);
}

interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A database of its own for every store, so runs and tests never see each other's events. */
async function scratchDatabase(): Promise<ScratchDatabase> {
  const name = `kluis_event_store_${randomUUID().replace(/-/g, '')}`;
  await onServer((client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

describeEventStoreContract('PostgreSQL', async () => {
  const database = await scratchDatabase();
  const store = await createPostgresEventStore(database.url);
  return {
    store,
    teardown: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL event store', () => {
  let database: ScratchDatabase;
  const opened: EventStore[] = [];

  const open = async (options?: PostgresEventStoreOptions): Promise<EventStore> => {
    const store = await createPostgresEventStore(database.url, options);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    database = await scratchDatabase();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await database.drop();
  });

  it('creates its table once when several instances open the same database together', async () => {
    const stores = await Promise.all([open(), open(), open()]);

    const result = await stores[0].append('document-1', [anEvent()], 'no_stream');

    await expect(stores[2].headPosition()).resolves.toBe(result.position);
  });

  it('starts empty, at head position 0, and returns positions as numbers', async () => {
    const store = await open();

    await expect(store.headPosition()).resolves.toBe(0);
    const result = await store.append('document-1', [anEvent()], 'no_stream');
    expect(typeof result.position).toBe('number');
    await expect(store.headPosition()).resolves.toBe(result.position);
  });

  it('does not let an append commit a later position while an earlier one is still uncommitted', async () => {
    const slowWriter = await open();
    const fastWriter = await open();
    const reader = await open({ pollIntervalMs: 5 });
    await onDatabase(database.url, async (client) => {
      await client.query(`
        create function hold_before_commit() returns trigger language plpgsql as $$
        begin
          if new.type = 'HeldBeforeCommit' then perform pg_sleep(0.5); end if;
          return new;
        end $$`);
      await client.query(
        'create trigger hold_before_commit after insert on events for each row execute function hold_before_commit()',
      );
    });
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: 0 }, async (batch) => void received.push(...batch));

    const slow = slowWriter.append('document-slow', [anEvent({ type: 'HeldBeforeCommit' })], 'no_stream');
    await eventually(
      () => onDatabase(database.url, async (client) => (await sleepingBackends(client)) > 0),
      { until: 'the slow append holds its transaction open' },
    );
    const fast = fastWriter.append('document-fast', [anEvent()], 'no_stream');
    const [slowResult, fastResult] = await Promise.all([slow, fast]);
    await eventually(() => received.length >= 2, { until: 'both events are delivered' });
    await subscription.stop();

    expect(fastResult.position).toBeGreaterThan(slowResult.position);
    expect(received.map((event) => event.position)).toEqual([slowResult.position, fastResult.position]);
  }, 30_000);

  it('delivers every event, in order, while two instances append concurrently', async () => {
    const writers = await Promise.all([open({ maxConnections: 8 }), open({ maxConnections: 8 })]);
    const reader = await open({ pollIntervalMs: 2 });
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: 0, batchSize: 7 }, async (batch) => void received.push(...batch));
    const appends = 300;

    await Promise.all(
      Array.from({ length: appends }, (_, index) =>
        writers[index % 2].append(`document-${randomUUID()}`, [anEvent()], 'no_stream'),
      ),
    );
    await eventually(() => received.length >= appends, { until: `all ${appends} events are delivered`, timeoutMs: 15_000 });
    await subscription.stop();

    const all = await reader.readAll({ after: 0, limit: appends + 1 });
    expect(received.map((event) => event.position)).toEqual(all.map((event) => event.position));
  }, 60_000);

  it('delivers to a subscription events appended by another instance', async () => {
    const writer = await open();
    const reader = await open({ pollIntervalMs: 20 });
    const appended = [anEvent(), anEvent()];
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: 0 }, async (batch) => void received.push(...batch));

    await writer.append('document-1', appended, 'no_stream');
    await eventually(() => received.length >= 2, { until: "the other instance's events are delivered" });
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

  it('fails to open with EventStoreUnavailableError when the server cannot be reached', async () => {
    const unreachable = new URL(database.url);
    unreachable.port = '1';

    await expect(createPostgresEventStore(unreachable.toString(), { connectTimeoutMs: 2_000 })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });
});
