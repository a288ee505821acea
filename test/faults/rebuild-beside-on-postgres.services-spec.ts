import { documentStream } from '@kluis/document-domain';
import { approvedBy, aReviewer, aSubmission, passportFacts, storedEvent, submitted, verified } from '@kluis/document-domain/testing';
import { createPostgresEventStore, type EventStore } from '@kluis/event-store';
import { documentsProjection, openReadModelDatabase, Projector, projectorLeaseFor, type ReadModelDatabase, rebuildBeside } from '@kluis/read-models';
import { sql } from 'kysely';
import { scratchDatabase, type ScratchDatabase } from '../services/support/postgres-database';

const rowsOf = (db: ReadModelDatabase) => db.selectFrom('documents').selectAll().orderBy('document_id').execute();

describe('rebuilding the documents read model beside the live one on PostgreSQL', () => {
  let database: ScratchDatabase;
  let store: EventStore;
  let live: ReadModelDatabase;
  let rebuilder: ReadModelDatabase;
  let projector: Projector;

  beforeEach(async () => {
    database = await scratchDatabase();
    store = await createPostgresEventStore(database.url, { pollIntervalMs: 20 });
    live = await openReadModelDatabase({ kind: 'postgres', url: database.url });
    rebuilder = await openReadModelDatabase({ kind: 'postgres', url: database.url });
    projector = new Projector(live, store, documentsProjection, {
      lease: projectorLeaseFor({ kind: 'postgres', url: database.url }, 'documents'),
      leaseIntervalMs: 100,
      retryDelayMs: 20,
      onError: () => undefined,
    });
    await projector.start();
  });
  afterEach(async () => {
    await projector?.stop();
    await Promise.all([live?.destroy(), rebuilder?.destroy()]);
    await store?.close();
    await database?.drop();
  });

  async function aVerifiedPassport(): Promise<number> {
    const submission = aSubmission('passport');
    const id = submission.documentId;
    const events = [submitted(submission), approvedBy(id, aReviewer('anna'), passportFacts()), verified(id, passportFacts(), '2031-01-01')];
    return (await store.append(documentStream(id), events.map((event) => storedEvent(event)), 'no_stream')).position;
  }

  it('swaps in a fresh replay while the live projector and writers carry on, and drops its schema', async () => {
    for (let index = 0; index < 100; index += 1) await aVerifiedPassport();
    expect(await projector.waitFor(await store.headPosition(), 20_000)).toBe(true);
    const [damaged] = await rowsOf(live);
    await live.updateTable('documents').set({ status: 'damaged' }).where('document_id', '=', damaged.document_id).execute();
    const before = (await rowsOf(live)).length;

    let writing = true;
    const writer = (async () => {
      while (writing) {
        await aVerifiedPassport();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    let fewestSeen = Number.MAX_SAFE_INTEGER;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const { count } = await live.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
        fewestSeen = Math.min(fewestSeen, Number(count));
      }
    })();
    const outcome = await rebuildBeside(rebuilder, { kind: 'postgres', url: database.url }, store, documentsProjection, { batchSize: 100 });
    writing = false;
    reading = false;
    await Promise.all([writer, reader]);

    expect(outcome.events).toBeGreaterThanOrEqual(300);
    expect(fewestSeen).toBeGreaterThanOrEqual(before);
    const head = await store.headPosition();
    expect(await projector.waitFor(head, 20_000)).toBe(true);
    const rows = await rowsOf(live);
    expect(rows.find((row) => row.document_id === damaged.document_id)?.status).toBe('verified');
    expect(rows).toHaveLength((await store.readAll({ after: 0, limit: 100_000 })).filter((event) => event.type === 'DocumentSubmitted').length);
    const { rows: schemas } = await sql<{ name: string }>`select schema_name as name from information_schema.schemata where schema_name like 'kluis_rebuild_%'`.execute(live);
    expect(schemas).toEqual([]);
  }, 90_000);
});
