import { documentStream } from '@kluis/document-domain';
import { aReviewer, approvedBy, aSubmission, passportFacts, submitted, verified, storedEvent } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { sql } from 'kysely';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import { documentsProjection } from '../documents/documents.projection';
import { readCheckpoint } from './checkpoints';
import type { Projection } from './projection';
import { tablesOwnedBy } from './projection-tables';
import { Projector } from './projector';
import { rebuildBeside } from './rebuild-beside';

const rowsOf = (db: ReadModelDatabase) => db.selectFrom('documents').selectAll().orderBy('document_id').execute();

describe('rebuilding a projection beside the live read model', () => {
  let dir: string;
  let store: EventStore;
  let live: ReadModelDatabase;
  let rebuilder: ReadModelDatabase;
  let projector: Projector;
  const location = () => ({ kind: 'sqlite' as const, file: join(dir, 'read-models.db') });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-rebuild-beside-'));
    store = await createSqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 10 });
    // The vault and the rebuild run in different processes: each has a connection of its own. Here they share one
    // event loop, where SQLite's busy wait would block the lock holder too, so both give up at once and try again.
    live = await openReadModelDatabase(location());
    rebuilder = await openReadModelDatabase(location());
    await Promise.all([live, rebuilder].map((db) => sql`pragma busy_timeout = 0`.execute(db)));
    projector = new Projector(live, store, documentsProjection, { retryDelayMs: 10, onError: () => undefined });
  });
  afterEach(async () => {
    await projector.stop();
    await Promise.all([live.destroy(), rebuilder.destroy()]);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function aVerifiedPassport(): Promise<number> {
    const submission = aSubmission('passport');
    const id = submission.documentId;
    const events = [submitted(submission), approvedBy(id, aReviewer('anna'), passportFacts()), verified(id, passportFacts(), '2031-01-01')];
    return (await store.append(documentStream(id), events.map((event) => storedEvent(event)), 'no_stream')).position;
  }

  it('names the tables a projection owns from what its reset empties', async () => {
    expect(await tablesOwnedBy(documentsProjection)).toEqual(expect.arrayContaining(['documents', 'document_references']));
    expect(await tablesOwnedBy(documentsProjection)).not.toContain('projection_checkpoints');
    expect(await tablesOwnedBy(documentsProjection)).not.toContain('idempotency_keys');
  });

  it('replaces the live rows with a fresh replay while writers append and readers never see an empty table', async () => {
    for (let index = 0; index < 150; index += 1) await aVerifiedPassport();
    await projector.start();
    expect(await projector.waitFor(await store.headPosition(), 10_000)).toBe(true);
    const [damaged, lost] = await rowsOf(live);
    await live.updateTable('documents').set({ status: 'damaged' }).where('document_id', '=', damaged.document_id).execute();
    await live.deleteFrom('documents').where('document_id', '=', lost.document_id).execute();
    const before = (await rowsOf(live)).length;

    let appending = true;
    const appender = (async () => {
      while (appending) {
        await aVerifiedPassport();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    let fewestSeen = Number.MAX_SAFE_INTEGER;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const { count } = await live.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
        fewestSeen = Math.min(fewestSeen, Number(count));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const outcome = await rebuildBeside(rebuilder, location(), store, documentsProjection, { batchSize: 50 });
    appending = false;
    await appender;
    reading = false;
    await reader;

    expect(outcome.tables).toEqual(expect.arrayContaining(['documents']));
    expect(outcome.events).toBeGreaterThanOrEqual(450);
    expect(fewestSeen).toBeGreaterThanOrEqual(before);
    const head = await store.headPosition();
    expect(await projector.waitFor(head, 10_000)).toBe(true);
    expect(await readCheckpoint(live, 'documents')).toBe(head);

    const fresh = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'fresh.db') });
    try {
      await new Projector(fresh, store, documentsProjection).rebuild();
      const rebuilt = await rowsOf(live);
      expect(rebuilt).toEqual(await rowsOf(fresh));
      expect(rebuilt.find((row) => row.document_id === damaged.document_id)?.status).toBe('verified');
      expect(rebuilt.some((row) => row.document_id === lost.document_id)).toBe(true);
    } finally {
      await fresh.destroy();
    }
    expect((await readdir(dir)).filter((name) => name.includes('kluis_rebuild'))).toEqual([]);
    const { rows: statistics } = await sql<{ count: number }>`select count(*) as count from sqlite_stat1 where tbl = 'documents'`.execute(live);
    expect(Number(statistics[0].count)).toBeGreaterThan(0);
  }, 60_000);

  it('leaves the live read model as it was when the rebuild fails, and cleans up', async () => {
    for (let index = 0; index < 20; index += 1) await aVerifiedPassport();
    await projector.start();
    expect(await projector.waitFor(await store.headPosition(), 10_000)).toBe(true);
    const before = await rowsOf(live);
    const checkpoint = await readCheckpoint(live, 'documents');
    let applied = 0;
    const breaksHalfway: Projection = {
      ...documentsProjection,
      async apply(trx, event) {
        if ((applied += 1) > 30) throw new Error('disk full');
        await documentsProjection.apply(trx, event);
      },
    };
    await expect(rebuildBeside(rebuilder, location(), store, breaksHalfway, { batchSize: 10 })).rejects.toThrow('disk full');
    expect(await rowsOf(live)).toEqual(before);
    expect(await readCheckpoint(live, 'documents')).toBe(checkpoint);
    expect((await readdir(dir)).filter((name) => name.includes('kluis_rebuild'))).toEqual([]);
  });
});
