import { EventStoreUnavailableError } from '../event-store.errors';
import type { RecordedEvent, SubscribeOptions } from '../event-store.port';
import { deferred } from '../testing/deferred';
import { eventually } from '../testing/eventually';
import { UnavailableError, type EsdbRecordedEvent } from './esdb-client';
import { FakeEsdbClient, FakeSubscription, aRecord } from './esdb-client.fake';
import { EsdbEventStore } from './esdb-event-store';

const DEADLINE_MS = 50;

let position = 1_000;
const record = (streamId = 'document-1', type = 'Happened'): EsdbRecordedEvent =>
  aRecord({ streamId, type, at: (position += 13) });
const positionOf = (event: EsdbRecordedEvent): number => Number(event.position?.commit);

function setup(source = new FakeSubscription(), storePrefixes?: string[]) {
  const client = new FakeEsdbClient();
  client.onSubscribe = () => source;
  const store = new EsdbEventStore(client, { deadlineMs: DEADLINE_MS, streamPrefixes: storePrefixes });
  const batches: (readonly RecordedEvent[])[] = [];
  const subscribe = (
    options: SubscribeOptions,
    then: (batch: readonly RecordedEvent[]) => Promise<void> = async () => undefined,
  ) =>
    store.subscribe(options, async (batch) => {
      batches.push(batch);
      await then(batch);
    });
  const delivered = () => batches.flat().map((event) => event.id);
  return { client, store, source, batches, subscribe, delivered };
}

describe('subscribe', () => {
  it('subscribes to $all from the checkpoint, filtered on the stream prefixes, without resolving links', async () => {
    const { client, subscribe } = setup();

    const subscription = subscribe({ after: 4_242, streamPrefixes: ['document-', 'access-'] });
    await subscription.stop();

    expect(client.subscriptions).toHaveLength(1);
    expect(client.subscriptions[0][0]).toMatchObject({
      fromPosition: { commit: 4_242n, prepare: 4_242n },
      filter: { filterOn: 'streamName', prefixes: ['document-', 'access-'] },
      resolveLinkTos: false,
    });
  });

  it('subscribes from the start without system events when there is no checkpoint and no prefix', async () => {
    const { client, subscribe } = setup();

    await subscribe({ after: 0 }).stop();

    expect(client.subscriptions[0][0]).toMatchObject({
      fromPosition: 'start',
      filter: { filterOn: 'eventType', regex: '^[^$].*' },
    });
  });

  it('hands over what is already buffered in batches of at most batchSize, in order', async () => {
    const { source, subscribe, batches, delivered } = setup();
    const events = Array.from({ length: 7 }, () => record());
    source.push(...events);

    const subscription = subscribe({ after: 0, batchSize: 3 });
    await eventually(() => delivered().length === 7, { until: 'all events are delivered' });
    await subscription.stop();

    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(delivered()).toEqual(events.map((event) => event.id));
    expect(batches.flat().map((event) => event.position)).toEqual(events.map(positionOf));
  });

  it('pulls nothing more while the handler runs, so the server is held back', async () => {
    const release = deferred();
    const { source, subscribe, batches, delivered } = setup();
    source.push(record());

    const subscription = subscribe({ after: 0, batchSize: 10 }, async () => {
      if (batches.length === 1) await release.promise;
    });
    await eventually(() => batches.length === 1, { until: 'the first batch is being handled' });
    const later = [record(), record(), record()];
    source.push(...later);
    await new Promise((resolve) => setImmediate(resolve));

    expect(batches).toHaveLength(1);
    expect(source.buffered).toBeGreaterThanOrEqual(later.length - 1);

    release.resolve();
    await eventually(() => delivered().length === 4, { until: 'the later events are delivered' });
    await subscription.stop();
    expect(batches.slice(1).flat().map((event) => event.id)).toEqual(later.map((event) => event.id));
  });

  it('skips what the filter should have kept out, and anything at or before the checkpoint', async () => {
    const { source, subscribe, delivered } = setup();
    const replayed = record();
    const wanted = [record('document-2'), record('document-3')];
    source.push(
      replayed,
      record('$ce-document', '$>'),
      wanted[0],
      record('access-1'),
      record('document-2', '$metadata'),
      wanted[1],
    );

    const subscription = subscribe({ after: positionOf(replayed), streamPrefixes: ['document-'] });
    await eventually(() => delivered().length === 2, { until: 'the wanted events are delivered' });
    await subscription.stop();

    expect(delivered()).toEqual(wanted.map((event) => event.id));
  });

  it('uses the prefixes of the store when the subscriber names none', async () => {
    const { client, source, subscribe, delivered } = setup(new FakeSubscription(), ['access-']);
    const wanted = record('access-1');
    source.push(record('document-1'), wanted);

    const subscription = subscribe({ after: 0 });
    await eventually(() => delivered().length === 1, { until: 'the access event is delivered' });
    await subscription.stop();

    expect(delivered()).toEqual([wanted.id]);
    expect(client.subscriptions[0][0].filter).toMatchObject({ prefixes: ['access-'] });
  });

  it('resolves stop() once the running handler has finished, then delivers nothing more', async () => {
    const entered = deferred();
    const release = deferred();
    let finished = false;
    const { source, subscribe, batches } = setup();
    source.push(record());

    const subscription = subscribe({ after: 0 }, async () => {
      entered.resolve();
      await release.promise;
      finished = true;
    });
    await entered.promise;
    const stopping = subscription.stop();
    source.push(record());
    setImmediate(() => release.resolve());
    await stopping;

    expect(finished).toBe(true);
    await expect(subscription.done).resolves.toBeUndefined();
    expect(batches).toHaveLength(1);
    expect(source.unsubscribed).toBe(1);
  });

  it('rejects done with the handler error as it is, and unsubscribes', async () => {
    const { source, subscribe, batches } = setup();
    source.push(record());
    const failure = Object.assign(new Error('projection failed'), { code: 14 });

    const subscription = subscribe({ after: 0 }, async () => {
      throw failure;
    });
    source.push(record());

    await expect(subscription.done).rejects.toBe(failure);
    expect(batches).toHaveLength(1);
    expect(source.unsubscribed).toBe(1);
    await expect(subscription.stop()).resolves.toBeUndefined();
  });

  it('rejects done as unavailable when the connection fails', async () => {
    const { source, subscribe } = setup();

    const subscription = subscribe({ after: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    const failure = new UnavailableError();
    source.fail(failure);

    const error = await subscription.done.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).toMatchObject({ cause: failure });
  });

  it('rejects done as unavailable when the server does not confirm in time', async () => {
    const { subscribe } = setup(new FakeSubscription(false));

    const subscription = subscribe({ after: 0 });

    await expect(subscription.done).rejects.toThrow(
      new EventStoreUnavailableError(`EventStoreDB did not confirm the subscription within ${DEADLINE_MS} ms`),
    );
  });

  it('rejects done as unavailable when the server ends the subscription', async () => {
    const { source, subscribe, delivered } = setup();
    source.push(record());
    source.end();

    const subscription = subscribe({ after: 0 });

    await expect(subscription.done).rejects.toThrow(
      new EventStoreUnavailableError('EventStoreDB ended the subscription'),
    );
    expect(delivered()).toHaveLength(1);
  });

  it('rejects done when an event cannot be represented', async () => {
    const { source, subscribe } = setup();
    source.push(aRecord({ position: { commit: 900n, prepare: 500n } }));

    await expect(subscribe({ after: 0 }).done).rejects.toMatchObject({
      code: 'EVENT_STORE.ESDB_UNSUPPORTED_RECORD',
    });
  });

  it('never asks the server for an empty list of prefixes, and still stops', async () => {
    const { client, subscribe } = setup();

    const subscription = subscribe({ after: 0, streamPrefixes: [] });
    await subscription.stop();

    await expect(subscription.done).resolves.toBeUndefined();
    expect(client.subscriptions).toHaveLength(0);
  });

  it('refuses a batch size below 1', () => {
    const { subscribe } = setup();

    expect(() => subscribe({ after: 0, batchSize: 0 })).toThrow(RangeError);
  });

  it('is stopped when the store is closed', async () => {
    const { client, store, source, subscribe, delivered } = setup();
    source.push(record());
    const subscription = subscribe({ after: 0 });
    await eventually(() => delivered().length === 1, { until: 'the event is delivered' });

    await store.close();

    await expect(subscription.done).resolves.toBeUndefined();
    expect(source.unsubscribed).toBe(1);
    expect(client.disposed).toBe(1);
  });
});
