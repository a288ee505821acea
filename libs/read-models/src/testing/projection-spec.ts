import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from '../projection/projection';
import { Projector } from '../projection/projector';
import { currentVersionOf } from './current-version';

/** An event as a test states it: the stream it lands on, and the domain event (today's schema unless `version`). */
export interface GivenEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: object;
  readonly version?: number;
  readonly metadata?: Record<string, unknown>;
}

/** The rows expected in each named table, in the order they were written; each row names the columns that matter. */
export type ExpectedRows = { readonly [Table in keyof ReadModelSchema]?: readonly Partial<ReadModelSchema[Table]>[] };

/** A projection, or one built over the event store it reads (a process manager that looks back at a stream). */
export type ProjectionUnderTest = Projection | ((store: EventStore) => Projection);

/** Puts `events` on `stream`, for `given`. */
export const inStream = (stream: string, ...events: readonly { type: string; data: object }[]): GivenEvent[] => events.map((event) => ({ stream, ...event }));

/**
 * Business-readable read-model tests, the projection's counterpart of the decider's given/when/then: given what
 * happened, then these rows. The events go through a real SQLite event store and a real projector into a real
 * read model, as they do in the vault, so a spec proves the SQL as well as the mapping.
 */
export function projectionSpec(projection: ProjectionUnderTest) {
  return {
    given: (...events: readonly (GivenEvent | readonly GivenEvent[])[]) => {
      const history = events.flat() as GivenEvent[];
      return {
        /** Exactly these rows, and no others, in each table named. */
        then: (expected: ExpectedRows) =>
          projected(projection, history, async (db) => {
            for (const [table, rows] of Object.entries(expected) as [keyof ReadModelSchema, readonly object[]][]) {
              expect({ [table]: await rowsOf(db, table) }).toEqual({ [table]: rows.map((row) => expect.objectContaining(row)) });
            }
          }),
        /** Only projects them, for a spec that then checks what the projection asked to happen. */
        projected: () => projected(projection, history, async () => undefined),
        /** What a query over the read model answers. */
        thenAnswers: <T>(query: (db: ReadModelDatabase) => Promise<T>, expected: T) =>
          projected(projection, history, async (db) => expect(await query(db)).toEqual(expected)),
      };
    },
  };
}

async function projected(projection: ProjectionUnderTest, history: readonly GivenEvent[], check: (db: ReadModelDatabase) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kluis-projection-'));
  const store = await createSqliteEventStore(join(dir, 'events.db'));
  const db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
  const failures: unknown[] = [];
  const projector = new Projector(db, store, typeof projection === 'function' ? projection(store) : projection, { onError: (error) => failures.push(error) });
  try {
    await projector.start();
    let position = 0;
    for (const event of history) {
      const { revision } = await store.readStream(event.stream);
      const stored = { id: randomUUID(), type: event.type, version: event.version ?? currentVersionOf(event.type), data: event.data as Record<string, unknown>, metadata: event.metadata ?? {} };
      ({ position } = await store.append(event.stream, [stored], revision));
    }
    // A projection that throws is retried, so it would never get there: its first error says why.
    if (!(await projector.waitFor(position, 10_000))) throw failures[0] ?? new Error(`${projector.name} did not reach position ${position}`);
    await check(db);
  } finally {
    await projector.stop();
    await db.destroy();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** SQLite's rowid is the order rows were written in, which is the order a spec states them. */
const rowsOf = (db: ReadModelDatabase, table: keyof ReadModelSchema) =>
  db
    .selectFrom(table)
    .selectAll()
    .orderBy(db.dynamic.ref('rowid'))
    .execute();
