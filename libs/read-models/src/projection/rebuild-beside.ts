import type { EventStore } from '@kluis/event-store';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReadModelDatabase, ReadModelLocation } from '../database/open-read-model-database';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from './projection';
import { tablesOwnedBy } from './projection-tables';
import { shadowNamespaceFor } from './shadow-namespace';

const CATCH_UP_ROUNDS = 5;

export interface RebuildBesideOptions {
  readonly batchSize?: number;
  /** Told after every batch projected into the shadow, with the position reached. */
  readonly onProgress?: (position: number, events: number) => void;
}

export interface RebuildBesideOutcome {
  /** The checkpoint the live read model was left at: the event store's head when the swap began. */
  readonly position: number;
  /** Events projected into the shadow. */
  readonly events: number;
  readonly tables: readonly string[];
  /** How long building took, and how long the swap kept other writers of the read model waiting. */
  readonly buildMs: number;
  readonly swapMs: number;
}

/**
 * Rebuilds a projection without taking its read model away: every event is replayed into empty copies of its tables
 * beside the live ones, while the live projector carries on; then, in one transaction that keeps the live projector
 * out, the copies catch up to the last event and replace the live rows, and the checkpoint moves to match. Readers
 * see the old rows until that commit and the new ones after it, never an empty table. The live projector finds its
 * checkpoint moved, and resumes from the new one.
 *
 * During the swap the last few events reach the copies through the live database with `withSchema`, so the
 * projection must use the query builder for every table it touches.
 */
export async function rebuildBeside(
  db: ReadModelDatabase,
  location: ReadModelLocation,
  store: EventStore,
  projection: Projection,
  options: RebuildBesideOptions = {},
): Promise<RebuildBesideOutcome> {
  const tables = await tablesOwnedBy(projection);
  if (tables.length === 0) throw new Error(`the ${projection.name} projection empties no table on reset: there is nothing to rebuild beside`);
  const shadow = shadowNamespaceFor(db, location, projection.name);
  const limit = options.batchSize ?? 2_000;
  let position = 0;
  let events = 0;
  /**
   * Replays what follows `position`, up to `upTo`, into the copies through `into`. Then the copies have seen every
   * event up to `upTo`, its own or not, so that is where they stand, and where the live projector will carry on.
   */
  const catchUp = async (into: Kysely<ReadModelSchema>, upTo: number, inTransactions: boolean) => {
    while (position < upTo) {
      const read = await store.readAll({ after: position, limit, streamPrefixes: projection.streamPrefixes });
      const batch = read.filter((event) => event.position <= upTo);
      if (batch.length > 0) {
        const apply = async (trx: Transaction<ReadModelSchema>) => {
          for (const event of batch) await projection.apply(trx, event);
        };
        if (inTransactions) await into.transaction().execute(apply);
        else await apply(into as Transaction<ReadModelSchema>);
        events += batch.length;
      }
      position = batch.length === limit ? batch[batch.length - 1].position : upTo;
      options.onProgress?.(position, events);
    }
  };
  const started = Date.now();
  try {
    const shadowDb = await shadow.create(tables);
    // Writers keep appending: each round chases the head as it was when the round began, so the rounds shrink and
    // the swap is left with only what arrived during the last one.
    for (let round = 0; round < CATCH_UP_ROUNDS; round += 1) {
      const head = await store.headPosition();
      if (round > 0 && head - position < limit) break;
      await catchUp(shadowDb, head, true);
    }
    await shadow.index(tables);
    const built = Date.now();
    await shadow.swap(async (trx) => {
      await catchUp(trx.withSchema(shadow.schema), await store.headPosition(), false);
      // The copies were made from the live tables, so their columns line up one for one.
      for (const table of tables) {
        await sql`delete from ${sql.id(table)}`.execute(trx);
        await sql`insert into ${sql.id(table)} select * from ${sql.id(shadow.schema, table)}`.execute(trx);
      }
      await trx
        .insertInto('projection_checkpoints')
        .values({ name: projection.name, position })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ position }))
        .execute();
    });
    const swapMs = Date.now() - built;
    await shadow.analyze(tables);
    return { position, events, tables, buildMs: built - started, swapMs };
  } finally {
    await shadow.drop();
  }
}
