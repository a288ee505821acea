import type { Kysely, Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

type Db = Kysely<ReadModelSchema> | Transaction<ReadModelSchema>;

export async function readCheckpoint(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('projection_checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  // PostgreSQL returns bigint columns as strings.
  return row ? Number(row.position) : 0;
}

/**
 * Moves the checkpoint from `from` to `to` and reports whether it was still at `from`. 0 means no checkpoint yet.
 * The row it writes stays locked until the transaction ends, so two projectors racing from one position are
 * serialised, and the second finds the checkpoint moved.
 */
export async function advanceCheckpoint(trx: Transaction<ReadModelSchema>, name: string, from: number, to: number): Promise<boolean> {
  if (from === 0) {
    const inserted = await trx
      .insertInto('projection_checkpoints')
      .values({ name, position: to })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await trx
    .updateTable('projection_checkpoints')
    .set({ position: to })
    .where('name', '=', name)
    .where('position', '=', from)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function deleteCheckpoint(db: Db, name: string): Promise<void> {
  await db.deleteFrom('projection_checkpoints').where('name', '=', name).execute();
}
