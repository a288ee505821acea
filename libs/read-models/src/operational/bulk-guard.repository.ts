import type { BulkBlocksTable } from './operational.schema';
import type { OperationalDatabase } from './operational-database';

export type BulkBlock = BulkBlocksTable;

/** When the scope last touched the customer, if it ever did. */
export async function lastBulkTouch(db: OperationalDatabase, scope: string, customerId: string): Promise<string | null> {
  const row = await db.selectFrom('bulk_touches').select('last_at').where('scope', '=', scope).where('customer_id', '=', customerId).executeTakeFirst();
  return row?.last_at ?? null;
}

/** How many distinct customers the scope touched after `since`. */
export async function customersTouchedSince(db: OperationalDatabase, scope: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('bulk_touches')
    .select((eb) => eb.fn.countAll<number | string>().as('distinct'))
    .where('scope', '=', scope)
    .where('last_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.distinct);
}

export async function recordBulkTouch(db: OperationalDatabase, scope: string, customerId: string, at: string): Promise<void> {
  await db
    .insertInto('bulk_touches')
    .values({ scope, customer_id: customerId, last_at: at })
    .onConflict((conflict) => conflict.columns(['scope', 'customer_id']).doUpdateSet({ last_at: at }))
    .execute();
}

/** Blocks the scope; a scope already blocked keeps its first block, which is the one an administrator is shown. */
export async function recordBulkBlock(db: OperationalDatabase, block: BulkBlock): Promise<void> {
  await db
    .insertInto('bulk_blocks')
    .values(block)
    .onConflict((conflict) => conflict.column('scope').doNothing())
    .execute();
}

/** A block on any of `scopes`, if there is one. */
export async function findBulkBlock(db: OperationalDatabase, scopes: readonly string[]): Promise<Pick<BulkBlock, 'period' | 'limit_per_hour'> | undefined> {
  return db.selectFrom('bulk_blocks').select(['period', 'limit_per_hour']).where('scope', 'in', scopes).executeTakeFirst();
}

export async function listBulkBlocks(db: OperationalDatabase): Promise<BulkBlock[]> {
  return db.selectFrom('bulk_blocks').selectAll().orderBy('blocked_at').execute();
}

export async function countBulkBlocks(db: OperationalDatabase): Promise<number> {
  const { blocks } = await db.selectFrom('bulk_blocks').select((eb) => eb.fn.countAll<number>().as('blocks')).executeTakeFirstOrThrow();
  return Number(blocks);
}

/** Lifts the scope's block and clears its window, so it starts counting afresh; answers whether there was a block. */
export async function liftBulkBlock(db: OperationalDatabase, scope: string): Promise<boolean> {
  const deleted = await db.deleteFrom('bulk_blocks').where('scope', '=', scope).executeTakeFirst();
  await db.deleteFrom('bulk_touches').where('scope', '=', scope).execute();
  return Number(deleted.numDeletedRows) > 0;
}
