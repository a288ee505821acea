import { documentStream } from '@kluis/document-domain';
import { approvedBy, aReviewer, aSubmission, passportFacts, storedEvent, submitted } from '@kluis/document-domain/testing';
import { createPostgresEventStore, type EventStore } from '@kluis/event-store';
import { eventually } from '@kluis/event-store/testing';
import { CheckpointMovedError, documentsProjection, openReadModelDatabase, PostgresProjectorLease, Projector, type ReadModelDatabase } from '@kluis/read-models';
import { onDatabase, scratchDatabase, type ScratchDatabase } from './support/postgres-database';

/** What PostgreSQL tells a client whose session an administrator ended. */
const ADMIN_SHUTDOWN = '57P01';

/** One vault instance's share of the projection: its own connections to the shared event store and read model. */
interface Instance {
  readonly name: string;
  readonly projector: Projector;
  readonly errors: unknown[];
}

describe('one active projector per read model, over a shared PostgreSQL', () => {
  let database: ScratchDatabase;
  const closers: Array<() => Promise<void>> = [];
  let instances: Instance[];
  let readModel: ReadModelDatabase;
  /** How many instances project right now, and the most that ever did at once. */
  let projecting = 0;
  let mostAtOnce = 0;

  const opened = async <T>(open: () => Promise<T>, close: (resource: T) => Promise<void>): Promise<T> => {
    const resource = await open();
    closers.unshift(() => close(resource));
    return resource;
  };

  const anEventStore = (pollIntervalMs = 200) =>
    opened(
      () => createPostgresEventStore(database.url, { pollIntervalMs, maxConnections: 4 }),
      (store) => store.close(),
    );

  async function anInstance(name: string): Promise<Instance> {
    const store = await anEventStore(20);
    const db = await opened(
      () => openReadModelDatabase({ kind: 'postgres', url: database.url }),
      (db) => db.destroy(),
    );
    const errors: unknown[] = [];
    const projector = new Projector(db, store, documentsProjection, {
      lease: new PostgresProjectorLease(database.url, documentsProjection.name),
      leaseIntervalMs: 100,
      retryDelayMs: 50,
      onError: (error) => errors.push(error),
      onActiveChange: (active) => {
        projecting += active ? 1 : -1;
        mostAtOnce = Math.max(mostAtOnce, projecting);
      },
    });
    closers.unshift(() => projector.stop());
    return { name, projector, errors };
  }

  /** Each document is submitted, then approved in a second append, as the API does it. */
  async function writeDocuments(writers: readonly EventStore[], count: number, lanesPerWriter = 5): Promise<string[]> {
    const ids: string[] = [];
    const lanes = writers.flatMap((writer) => Array.from({ length: lanesPerWriter }, () => writer));
    let next = 0;
    await Promise.all(
      lanes.map(async (writer) => {
        while (next < count) {
          next += 1;
          const submission = aSubmission('passport');
          const id = submission.documentId;
          ids.push(id);
          await writer.append(documentStream(id), [storedEvent(submitted(submission))], 'no_stream');
          await writer.append(documentStream(id), [storedEvent(approvedBy(id, aReviewer('anna'), passportFacts()))], 0);
        }
      }),
    );
    return ids;
  }

  async function expectEveryDocumentOnce(ids: readonly string[]): Promise<void> {
    const rows = await readModel.selectFrom('documents').select(['document_id', 'status', 'approvals', 'revision']).execute();
    expect(rows).toHaveLength(ids.length);
    expect(new Set(rows.map((row) => row.document_id))).toEqual(new Set(ids));
    const wrong = rows.filter((row) => row.status !== 'awaiting_second_review' || Number(row.approvals) !== 1 || Number(row.revision) !== 1);
    expect(wrong).toEqual([]);
  }

  const checkpointAndHead = () =>
    onDatabase(database.url, async (client) => {
      const { rows } = await client.query<{ checkpoint: string; head: string }>(
        "select (select position from projection_checkpoints where name = 'documents') as checkpoint, (select max(position) from events) as head",
      );
      return { checkpoint: Number(rows[0].checkpoint), head: Number(rows[0].head) };
    });

  const leaderOf = (candidates: readonly Instance[]) => {
    const active = candidates.filter((instance) => instance.projector.active);
    expect(active).toHaveLength(1);
    return active[0];
  };

  beforeEach(async () => {
    database = await scratchDatabase();
    projecting = 0;
    mostAtOnce = 0;
    readModel = await opened(
      () => openReadModelDatabase({ kind: 'postgres', url: database.url }),
      (db) => db.destroy(),
    );
    instances = await Promise.all([anInstance('one'), anInstance('other')]);
    await Promise.all(instances.map((instance) => instance.projector.start()));
  });

  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await database?.drop();
  });

  it('lets exactly one of two instances project 500 documents from concurrent writers, each exactly once', async () => {
    const leader = leaderOf(instances);
    const writers = await Promise.all([anEventStore(), anEventStore(), anEventStore(), anEventStore()]);

    const ids = await writeDocuments(writers, 500);
    const head = await writers[0].headPosition();
    expect(head).toBeGreaterThanOrEqual(1000);

    expect(await leader.projector.waitFor(head, 30_000)).toBe(true);
    await expectEveryDocumentOnce(ids);
    expect(await checkpointAndHead()).toEqual({ checkpoint: head, head });
    expect(mostAtOnce).toBe(1);
    expect(leaderOf(instances)).toBe(leader);
    expect(instances.flatMap((instance) => instance.errors)).toEqual([]);
  }, 60_000);

  it('hands over to the standby when the active instance stops, and the standby projects what follows', async () => {
    const leader = leaderOf(instances);
    const standby = instances.find((instance) => instance !== leader) as Instance;
    const writers = await Promise.all([anEventStore(), anEventStore()]);
    const before = await writeDocuments(writers, 50);
    expect(await leader.projector.waitFor(await writers[0].headPosition(), 10_000)).toBe(true);

    await leader.projector.stop();
    await eventually(() => standby.projector.active, { until: 'the standby projects', timeoutMs: 5_000 });
    const after = await writeDocuments(writers, 50);
    const head = await writers[0].headPosition();

    expect(await standby.projector.waitFor(head, 10_000)).toBe(true);
    await expectEveryDocumentOnce([...before, ...after]);
    expect(await checkpointAndHead()).toEqual({ checkpoint: head, head });
    expect(mostAtOnce).toBe(1);
    expect(instances.flatMap((instance) => instance.errors)).toEqual([]);
  }, 60_000);

  it('stops the active instance the moment its lease connection drops, and the standby takes over', async () => {
    const leader = leaderOf(instances);
    const standby = instances.find((instance) => instance !== leader) as Instance;
    const writers = await Promise.all([anEventStore(), anEventStore()]);
    const before = await writeDocuments(writers, 50);

    const terminated = await onDatabase(database.url, async (client) => {
      const { rows } = await client.query<{ terminated: boolean }>(`
        select pg_terminate_backend(locks.pid) as terminated
          from pg_locks locks join pg_stat_activity activity on activity.pid = locks.pid
         where locks.locktype = 'advisory' and locks.granted and activity.application_name = 'kluis-projector'
           and activity.datname = current_database()`);
      return rows;
    });
    expect(terminated).toEqual([{ terminated: true }]);
    await eventually(() => !leader.projector.active, { until: 'the instance that lost its lease stops projecting', timeoutMs: 2_000 });
    await eventually(() => standby.projector.active, { until: 'the standby projects', timeoutMs: 5_000 });
    const after = await writeDocuments(writers, 50);
    const head = await writers[0].headPosition();

    expect(await standby.projector.waitFor(head, 10_000)).toBe(true);
    await expectEveryDocumentOnce([...before, ...after]);
    expect(await checkpointAndHead()).toEqual({ checkpoint: head, head });
    expect(mostAtOnce).toBe(1);
    expect(leaderOf(instances)).toBe(standby);
    expect(leader.errors).toContainEqual(expect.objectContaining({ code: ADMIN_SHUTDOWN }));
    // A batch the old leader had in flight may lose the race for the checkpoint: refused, never applied twice.
    const unexpected = instances.flatMap((instance) => instance.errors).filter((error) => !(error instanceof CheckpointMovedError) && (error as { code?: unknown }).code !== ADMIN_SHUTDOWN);
    expect(unexpected).toEqual([]);
  }, 60_000);
});
