import type { Kysely, Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

type Db = Kysely<ReadModelSchema> | Transaction<ReadModelSchema>;

export async function readCheckpoint(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('projection_checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  // PostgreSQL returns bigint columns as strings.
  return row ? Number(row.position) : 0;
}

export async function saveCheckpoint(db: Db, name: string, position: number): Promise<void> {
  await db
    .insertInto('projection_checkpoints')
    .values({ name, position })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ position }))
    .execute();
}

export async function deleteCheckpoint(db: Db, name: string): Promise<void> {
  await db.deleteFrom('projection_checkpoints').where('name', '=', name).execute();
}
