import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { anEvent } from './an-event';
import { follow, type Followed } from './follow';
import { deferred } from './deferred';
import { eventually } from './eventually';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Must also work when the suite has already closed the store. */
  readonly teardown: () => Promise<void>;
}

export type MakeEventStore = () => Promise<EventStoreUnderTest>;

const ids = (events: readonly (NewEvent | RecordedEvent)[]): string[] => events.map((event) => event.id);

const positionsOf = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.position);

function expectStrictlyIncreasing(values: readonly number[]): void {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]));
}

/** A prefix no other test (or earlier run against a shared server) can have used. */
const uniquePrefix = (): string => `contract${randomUUID().replace(/-/g, '')}`;

const aStream = (): string => `${uniquePrefix()}-stream`;

async function appendFailure(promise: Promise<AppendResult>): Promise<WrongExpectedRevisionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  return error as WrongExpectedRevisionError;
}

/**
 * The behaviour every `EventStore` adapter promises. The suite shares one store between its tests and never assumes
 * it is empty or that positions are dense, so it also runs against a long-lived shared server.
 */
export function describeEventStoreContract(name: string, makeStore: MakeEventStore): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;
    const running: Subscription[] = [];

    beforeAll(async () => {
      ({ store, teardown } = await makeStore());
    });

    afterEach(async () => {
      await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    });

    afterAll(async () => {
      await teardown?.();
    });

    const followed = (options: SubscribeOptions, then?: (batch: readonly RecordedEvent[]) => Promise<void>): Followed => {
      const result = follow(store, options, then);
      running.push(result.subscription);
      return result;
    };

    /** Every event after `after` whose id is wanted, paging through the whole log in global order. */
    async function readAllOf(after: number, wanted: readonly NewEvent[]): Promise<RecordedEvent[]> {
      const wantedIds = new Set(ids(wanted));
      const found: RecordedEvent[] = [];
      let from = after;
      for (;;) {
        const page = await store.readAll({ after: from, limit: 500 });
        if (page.length === 0) return found;
        expectStrictlyIncreasing([from, ...positionsOf(page)]);
        found.push(...page.filter((event) => wantedIds.has(event.id)));
        from = page[page.length - 1].position;
      }
    }

    describe('append and readStream', () => {
      it('creates a stream with no_stream and reads back what was appended', async () => {
        const stream = aStream();
        const event = anEvent({ type: 'DocumentSubmitted', version: 2 });

        const result = await store.append(stream, [event], 'no_stream');
        const read = await store.readStream(stream);

        expect(result.revision).toBe(0);
        expect(Number.isSafeInteger(result.position)).toBe(true);
        expect(result.position).toBeGreaterThan(0);
        expect(read.revision).toBe(0);
        expect(read.events).toHaveLength(1);
        const [recorded] = read.events;
        expect(recorded).toMatchObject({ ...event, stream, revision: 0, position: result.position });
        expect(recorded.recordedAt).toBeInstanceOf(Date);
        expect(Math.abs(recorded.recordedAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
      });

      it('numbers revisions from 0 without gaps, across appends', async () => {
        const stream = aStream();
        const first = [anEvent(), anEvent(), anEvent()];
        const second = [anEvent(), anEvent()];

        const afterFirst = await store.append(stream, first, 'no_stream');
        const afterSecond = await store.append(stream, second, afterFirst.revision);
        const read = await store.readStream(stream);

        expect(afterFirst.revision).toBe(2);
        expect(afterSecond.revision).toBe(4);
        expect(read.revision).toBe(4);
        expect(read.events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(ids(read.events)).toEqual(ids([...first, ...second]));
        read.events.forEach((event) => expect(typeof event.revision).toBe('number'));
      });

      it('appends when the expected revision is the current one', async () => {
        const stream = aStream();
        await store.append(stream, [anEvent()], 'no_stream');

        const second = await store.append(stream, [anEvent()], 0);
        const third = await store.append(stream, [anEvent()], 1);

        expect(second.revision).toBe(1);
        expect(third.revision).toBe(2);
        expect(third.position).toBeGreaterThan(second.position);
      });

      it('reads a stream that does not exist as no_stream with no events', async () => {
        await expect(store.readStream(aStream())).resolves.toEqual({ revision: 'no_stream', events: [] });
      });

      it('reads a stream in revision order without events of other streams', async () => {
        const prefix = uniquePrefix();
        const mine = `${prefix}-mine`;
        const other = `${prefix}-mine-too-long`;
        await store.append(mine, [anEvent()], 'no_stream');
        await store.append(other, [anEvent()], 'no_stream');
        await store.append(mine, [anEvent()], 0);

        const read = await store.readStream(mine);

        expect(read.events.map((event) => event.stream)).toEqual([mine, mine]);
        expect(read.events.map((event) => event.revision)).toEqual([0, 1]);
      });

      it('keeps data, metadata, type and version exactly, key order included', async () => {
        const stream = aStream();
        const event = anEvent({
          type: 'Contract.RoundTripped-v3',
          version: 3,
          data: {
            zFirst: 'keys keep their order',
            aSecond: 'Zoë Ñandú – 東京 – مرحبا – 👩🏽‍⚖️ – e\u0301',
            escapes: 'line\nbreak\ttab "quoted" \\ backslash \u0000 nul \u2028 separator',
            nested: { deeper: { list: [1, 'two', { three: [true, false, null] }], empty: {}, none: [] } },
            numbers: { max: Number.MAX_SAFE_INTEGER, negative: -42, fraction: 0.1 + 0.2, tiny: 5e-324, huge: 1.5e300 },
          },
          metadata: { correlationId: randomUUID(), principal: { sub: 'anna', roles: ['reviewer'] }, note: 'ünïcødé' },
        });

        // `after` must be 0 or a position the store handed out: EventStoreDB refuses to read from inside a record.
        const head = await store.headPosition();
        await store.append(stream, [event], 'no_stream');
        const [recorded] = (await store.readStream(stream)).events;
        const [fromAll] = await store.readAll({ after: head, limit: 1, streamPrefixes: [stream] });

        expect(fromAll.id).toBe(event.id);
        for (const read of [recorded, fromAll]) {
          expect(read.type).toBe(event.type);
          expect(read.version).toBe(3);
          expect(read.data).toStrictEqual(event.data);
          expect(read.metadata).toStrictEqual(event.metadata);
          expect(JSON.stringify(read.data)).toBe(JSON.stringify(event.data));
          expect(JSON.stringify(read.metadata)).toBe(JSON.stringify(event.metadata));
        }
      });
    });

    describe('expected revision', () => {
      it('refuses a stale revision and leaves the stream as it was', async () => {
        const stream = aStream();
        await store.append(stream, [anEvent(), anEvent()], 'no_stream');

        const error = await appendFailure(store.append(stream, [anEvent(), anEvent()], 0));

        expect(error).toMatchObject({ stream, expected: 0, actual: 1, code: 'EVENT_STORE.WRONG_EXPECTED_REVISION' });
        expect((await store.readStream(stream)).revision).toBe(1);
      });

      it('refuses a revision beyond the current one', async () => {
        const stream = aStream();
        await store.append(stream, [anEvent()], 'no_stream');

        const error = await appendFailure(store.append(stream, [anEvent()], 3));

        expect(error).toMatchObject({ stream, expected: 3, actual: 0 });
      });

      it('refuses no_stream for a stream that exists', async () => {
        const stream = aStream();
        await store.append(stream, [anEvent()], 'no_stream');

        const error = await appendFailure(store.append(stream, [anEvent()], 'no_stream'));

        expect(error).toMatchObject({ stream, expected: 'no_stream', actual: 0 });
        expect((await store.readStream(stream)).events).toHaveLength(1);
      });

      it('refuses a revision for a stream that does not exist, and does not create it', async () => {
        const stream = aStream();

        const error = await appendFailure(store.append(stream, [anEvent()], 0));

        expect(error).toMatchObject({ stream, expected: 0, actual: 'no_stream' });
        await expect(store.readStream(stream)).resolves.toEqual({ revision: 'no_stream', events: [] });
      });
    });

    describe('atomic appends', () => {
      it('gives a batch contiguous revisions, increasing positions and returns the last one', async () => {
        const stream = aStream();
        const batch = [anEvent(), anEvent(), anEvent(), anEvent(), anEvent()];

        const result = await store.append(stream, batch, 'no_stream');
        const { events } = await store.readStream(stream);

        expect(ids(events)).toEqual(ids(batch));
        expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expectStrictlyIncreasing(positionsOf(events));
        expect(result).toEqual({ revision: 4, position: events[4].position });
      });

      it('never interleaves a batch with another append', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const batches = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => anEvent()));

        await Promise.all(batches.map((batch, index) => store.append(`${prefix}-${index}`, batch, 'no_stream')));
        const all = await store.readAll({ after: head, limit: 100, streamPrefixes: [prefix] });

        expect(all).toHaveLength(20);
        for (let start = 0; start < all.length; start += 5) {
          const run = all.slice(start, start + 5);
          expect(new Set(run.map((event) => event.stream)).size).toBe(1);
          expect(run.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        }
      });

      it('writes nothing of a batch that is refused', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        await store.append(stream, [anEvent()], 'no_stream');
        const refused = [anEvent(), anEvent(), anEvent()];

        await appendFailure(store.append(stream, refused, 'no_stream'));
        const all = await store.readAll({ after: head, limit: 100, streamPrefixes: [prefix] });

        expect(all).toHaveLength(1);
        expect(all.some((event) => ids(refused).includes(event.id))).toBe(false);
      });
    });

    describe('idempotency by event id', () => {
      it.each<[string, number]>([
        ['a new stream', 0],
        ['an existing stream', 2],
      ])('returns the first result for a retried append to %s and stores nothing twice', async (_, existing) => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        let expected: ExpectedRevision = 'no_stream';
        if (existing > 0) {
          expected = (await store.append(stream, Array.from({ length: existing }, () => anEvent()), 'no_stream')).revision;
        }
        const batch = [anEvent(), anEvent()];

        const first = await store.append(stream, batch, expected);
        const retried = await store.append(stream, batch, expected);
        const retriedAgain = await store.append(stream, batch, expected);

        expect(retried).toEqual(first);
        expect(retriedAgain).toEqual(first);
        const read = await store.readStream(stream);
        expect(read.revision).toBe(existing + 1);
        expect(ids(read.events.slice(existing))).toEqual(ids(batch));
        expect(await store.readAll({ after: head, limit: 100, streamPrefixes: [prefix] })).toHaveLength(existing + 2);
      });
    });

    describe('readAll', () => {
      async function threeAppendsInTwoStreams(): Promise<{
        prefix: string;
        head: number;
        appended: NewEvent[];
        results: AppendResult[];
      }> {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const appended = [anEvent(), anEvent(), anEvent()];
        const results = [
          await store.append(`${prefix}-a`, [appended[0]], 'no_stream'),
          await store.append(`${prefix}-b`, [appended[1]], 'no_stream'),
          await store.append(`${prefix}-a`, [appended[2]], 0),
        ];
        return { prefix, head, appended, results };
      }

      it('returns events of all streams in global order, at the positions append reported', async () => {
        const { prefix, head, appended, results } = await threeAppendsInTwoStreams();

        const all = await store.readAll({ after: head, limit: 100, streamPrefixes: [prefix] });

        expect(ids(all)).toEqual(ids(appended));
        expect(positionsOf(all)).toEqual(results.map((result) => result.position));
        expectStrictlyIncreasing(positionsOf(all));
        expect(all.map((event) => [event.stream, event.revision])).toEqual([
          [`${prefix}-a`, 0],
          [`${prefix}-b`, 0],
          [`${prefix}-a`, 1],
        ]);
      });

      it('reads every stream when no prefix is given', async () => {
        const { head, appended, results } = await threeAppendsInTwoStreams();

        const mine = await readAllOf(head, appended);

        expect(ids(mine)).toEqual(ids(appended));
        expect(positionsOf(mine)).toEqual(results.map((result) => result.position));
      });

      it('starts strictly after the given position', async () => {
        const { prefix, appended, results } = await threeAppendsInTwoStreams();

        const all = await store.readAll({ after: results[0].position, limit: 100, streamPrefixes: [prefix] });

        expect(ids(all)).toEqual(ids(appended.slice(1)));
      });

      it('returns at most limit events, so a reader can page from the last position', async () => {
        const { prefix, head, appended } = await threeAppendsInTwoStreams();

        const firstPage = await store.readAll({ after: head, limit: 2, streamPrefixes: [prefix] });
        const secondPage = await store.readAll({
          after: firstPage[firstPage.length - 1].position,
          limit: 2,
          streamPrefixes: [prefix],
        });
        const thirdPage = await store.readAll({
          after: secondPage[secondPage.length - 1].position,
          limit: 2,
          streamPrefixes: [prefix],
        });

        expect(ids(firstPage)).toEqual(ids(appended.slice(0, 2)));
        expect(ids(secondPage)).toEqual(ids(appended.slice(2)));
        expect(thirdPage).toEqual([]);
      });

      it('keeps only streams starting with one of the prefixes, matched literally and case-sensitively', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const streams = {
          documents: `${prefix}-document-1`,
          requests: `${prefix}-request_1`,
          access: `${prefix}-access-1`,
          wildcardLookAlike: `${prefix}-requestX1`,
          otherCase: `${prefix}-Document-1`,
        };
        for (const stream of Object.values(streams)) await store.append(stream, [anEvent()], 'no_stream');

        const all = await store.readAll({
          after: head,
          limit: 100,
          streamPrefixes: [`${prefix}-document-`, `${prefix}-request_`],
        });

        expect(all.map((event) => event.stream)).toEqual([streams.documents, streams.requests]);
      });
    });

    describe('headPosition', () => {
      it('moves to at least the position of the last append', async () => {
        const before = await store.headPosition();
        const result = await store.append(aStream(), [anEvent(), anEvent()], 'no_stream');

        const after = await store.headPosition();

        expect(Number.isSafeInteger(after)).toBe(true);
        expect(before).toBeGreaterThanOrEqual(0);
        expect(after).toBeGreaterThan(before);
        expect(after).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('subscribe', () => {
      it('delivers the events already stored, then new ones as they are appended, in order', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        const early = [anEvent(), anEvent(), anEvent()];
        const late = [anEvent(), anEvent()];
        await store.append(stream, early, 'no_stream');

        const { events } = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(() => events.length >= early.length, { until: 'the stored events are delivered' });
        await store.append(stream, [late[0]], 2);
        await store.append(stream, [late[1]], 3);
        await eventually(() => events.length >= early.length + late.length, { until: 'the new events are delivered' });

        expect(ids(events)).toEqual(ids([...early, ...late]));
        expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expectStrictlyIncreasing([head, ...positionsOf(events)]);
      }, 20_000);

      it('follows every stream when no prefix is given', async () => {
        const head = await store.headPosition();
        const stream = aStream();
        const appended = [anEvent(), anEvent()];
        const wanted = new Set(ids(appended));
        const { events } = followed({ after: head });

        await store.append(stream, appended, 'no_stream');
        await eventually(() => events.filter((event) => wanted.has(event.id)).length === 2, { until: 'the events are delivered' });

        expect(ids(events.filter((event) => event.stream === stream))).toEqual(ids(appended));
        expectStrictlyIncreasing([head, ...positionsOf(events)]);
      }, 20_000);

      it('starts strictly after the given position', async () => {
        const prefix = uniquePrefix();
        const appended = [anEvent(), anEvent(), anEvent()];
        await store.append(`${prefix}-stream`, appended, 'no_stream');
        const [first] = (await store.readStream(`${prefix}-stream`)).events;

        const { events } = followed({ after: first.position, streamPrefixes: [prefix] });
        await eventually(() => events.length >= 2, { until: 'the later events are delivered' });

        expect(ids(events)).toEqual(ids(appended.slice(1)));
      }, 20_000);

      it('hands over batches no bigger than batchSize, when catching up and when live', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        const stored = Array.from({ length: 7 }, () => anEvent());
        const live = Array.from({ length: 7 }, () => anEvent());
        await store.append(stream, stored, 'no_stream');

        const { events, batches } = followed({ after: head, streamPrefixes: [prefix], batchSize: 3 });
        await eventually(() => events.length >= 7, { until: 'the stored events are delivered' });
        await store.append(stream, live, 6);
        await eventually(() => events.length >= 14, { until: 'the live events are delivered' });

        expect(ids(events)).toEqual(ids([...stored, ...live]));
        batches.forEach((batch) => expect(batch.length).toBeGreaterThanOrEqual(1));
        batches.forEach((batch) => expect(batch.length).toBeLessThanOrEqual(3));
      }, 20_000);

      it('delivers only streams starting with one of the prefixes', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const documentEvent = anEvent();
        const requestEvent = anEvent();
        await store.append(`${prefix}-document-1`, [documentEvent], 'no_stream');
        await store.append(`${prefix}-access-1`, [anEvent()], 'no_stream');
        await store.append(`${prefix}-request-1`, [requestEvent], 'no_stream');
        const last = await store.append(`${prefix}-access-2`, [anEvent()], 'no_stream');

        const { events } = followed({
          after: head,
          streamPrefixes: [`${prefix}-document-`, `${prefix}-request-`],
        });
        const probe = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(
          () => probe.events.some((event) => event.position === last.position),
          { until: 'an unfiltered subscription saw the last event' },
        );
        await eventually(() => events.length >= 2, { until: 'the matching events are delivered' });

        expect(ids(events)).toEqual([documentEvent.id, requestEvent.id]);
      }, 20_000);

      it('waits for the handler to finish a batch before delivering the next one', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        const first = anEvent();
        const second = anEvent();
        const release = deferred();
        let running = 0;
        let mostAtOnce = 0;
        await store.append(stream, [first], 'no_stream');

        const { batches, events } = followed({ after: head, streamPrefixes: [prefix] }, async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          if (batches.length === 1) await release.promise;
          running -= 1;
        });
        await eventually(() => batches.length === 1, { until: 'the first batch is being handled' });
        await store.append(stream, [second], 0);
        const probe = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(() => probe.events.length === 2, { until: 'another subscription saw the second event' });

        expect(batches).toHaveLength(1);
        release.resolve();
        await eventually(() => events.length === 2, { until: 'the second event is delivered after the first batch' });
        expect(ids(events)).toEqual([first.id, second.id]);
        expect(mostAtOnce).toBe(1);
      }, 20_000);

      it('stops delivering once stop() has resolved, and then resolves done', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        const before = anEvent();
        const afterStop = anEvent();
        await store.append(stream, [before], 'no_stream');

        const { events, subscription } = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(() => events.length === 1, { until: 'the first event is delivered' });
        await subscription.stop();
        await store.append(stream, [afterStop], 0);
        const probe = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(() => probe.events.length === 2, { until: 'another subscription saw the later event' });

        await expect(subscription.done).resolves.toBeUndefined();
        expect(ids(events)).toEqual([before.id]);
        await expect(subscription.stop()).resolves.toBeUndefined();
      }, 20_000);

      it('resolves stop() only once the running handler has finished', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const entered = deferred();
        const release = deferred();
        let finished = false;
        await store.append(`${prefix}-stream`, [anEvent()], 'no_stream');

        const { subscription } = followed({ after: head, streamPrefixes: [prefix] }, async () => {
          entered.resolve();
          await release.promise;
          finished = true;
        });
        await entered.promise;
        const stopping = subscription.stop();
        setImmediate(() => release.resolve());
        await stopping;

        expect(finished).toBe(true);
      }, 20_000);

      it('rejects done with the error of a failing handler and delivers nothing more', async () => {
        const prefix = uniquePrefix();
        const stream = `${prefix}-stream`;
        const head = await store.headPosition();
        await store.append(stream, [anEvent()], 'no_stream');

        const { batches, subscription } = followed({ after: head, streamPrefixes: [prefix] }, async () => {
          throw new Error('projection failed');
        });

        await expect(subscription.done).rejects.toThrow('projection failed');
        await store.append(stream, [anEvent()], 0);
        const probe = followed({ after: head, streamPrefixes: [prefix] });
        await eventually(() => probe.events.length === 2, { until: 'another subscription saw the later event' });
        expect(batches).toHaveLength(1);
        await expect(subscription.stop()).resolves.toBeUndefined();
      }, 20_000);

      it('ends its subscriptions when the store is closed', async () => {
        const own = await makeStore();
        try {
          const prefix = uniquePrefix();
          const head = await own.store.headPosition();
          await own.store.append(`${prefix}-stream`, [anEvent()], 'no_stream');
          const { events, subscription } = follow(own.store, { after: head, streamPrefixes: [prefix] });
          await eventually(() => events.length === 1, { until: 'the event is delivered' });

          await own.store.close();

          await expect(subscription.done).resolves.toBeUndefined();
          await expect(own.store.close()).resolves.toBeUndefined();
        } finally {
          await own.teardown();
        }
      }, 30_000);
    });

    describe('appends that arrive together', () => {
      it('keeps each append atomic and in one contiguous run of positions', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const batches = Array.from({ length: 30 }, (_, index) => Array.from({ length: 1 + (index % 4) }, () => anEvent()));

        const results = await Promise.all(batches.map((batch, index) => store.append(`${prefix}-${index}`, batch, 'no_stream')));
        const all = await store.readAll({ after: head, limit: 500, streamPrefixes: [prefix] });

        expect(all).toHaveLength(batches.flat().length);
        batches.forEach((batch, index) => {
          const run = all.filter((event) => event.stream === `${prefix}-${index}`);
          expect(ids(run)).toEqual(ids(batch));
          const first = all.indexOf(run[0]);
          expect(all.slice(first, first + run.length)).toEqual(run);
          expect(results[index]).toEqual({ revision: batch.length - 1, position: run[run.length - 1].position });
        });
      });

      it('never fails an append because another append beside it was refused', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const existing = `${prefix}-existing`;
        const first = anEvent();
        await store.append(existing, [first], 'no_stream');
        const good = Array.from({ length: 10 }, () => [anEvent(), anEvent()]);
        const stale = [anEvent(), anEvent()];

        const outcomes = await Promise.allSettled([
          ...good.slice(0, 5).map((batch, index) => store.append(`${prefix}-good-${index}`, batch, 'no_stream')),
          store.append(existing, stale, 'no_stream'),
          ...good.slice(5).map((batch, index) => store.append(`${prefix}-good-${index + 5}`, batch, 'no_stream')),
        ]);

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
        expect(outcomes[5]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
        const all = await store.readAll({ after: head, limit: 500, streamPrefixes: [prefix] });
        expect(ids(all).sort()).toEqual([first, ...good.flat()].map((event) => event.id).sort());
      });

      it('hands out positions in the order readers see them, and every result names its own', async () => {
        const prefix = uniquePrefix();
        const head = await store.headPosition();
        const streams = Array.from({ length: 40 }, (_, index) => `${prefix}-${index}`);

        const results = await Promise.all(streams.map((stream) => store.append(stream, [anEvent()], 'no_stream')));
        const all = await store.readAll({ after: head, limit: 500, streamPrefixes: [prefix] });

        expectStrictlyIncreasing(positionsOf(all));
        expect(new Set(results.map((result) => result.position)).size).toBe(streams.length);
        streams.forEach((stream, index) => {
          expect(all.find((event) => event.stream === stream)?.position).toBe(results[index].position);
        });
      });
    });

    describe('concurrent writers', () => {
      const contenders = 4;
      const races = 20;

      async function race(stream: string, expected: ExpectedRevision): Promise<void> {
        const events = Array.from({ length: contenders }, () => anEvent());
        const outcomes = await Promise.allSettled(events.map((event) => store.append(stream, [event], expected)));

        const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [events[index]] : []));
        expect(winners).toHaveLength(1);
        outcomes.forEach((outcome) => {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        });
        const read = await store.readStream(stream);
        const next = expected === 'no_stream' ? 0 : expected + 1;
        expect(read.revision).toBe(next);
        expect(read.events[next].id).toBe(winners[0].id);
      }

      it('lets exactly one of several appends expecting the same revision win', async () => {
        const streams = Array.from({ length: races }, () => aStream());
        await Promise.all(streams.map((stream) => store.append(stream, [anEvent()], 'no_stream')));

        await Promise.all(streams.map((stream) => race(stream, 0)));
      }, 60_000);

      it('lets exactly one of several appends creating the same stream win', async () => {
        await Promise.all(Array.from({ length: races }, () => race(aStream(), 'no_stream')));
      }, 60_000);
    });
  });
}
