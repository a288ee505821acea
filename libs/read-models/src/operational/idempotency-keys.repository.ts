import type { IdempotencyKeysTable } from './operational.schema';
import type { OperationalDatabase } from './operational-database';

export type StoredIdempotencyKey = IdempotencyKeysTable;

/**
 * Reserves a key for a request whose work has not run yet: only one of any racing requests gets it. An expired
 * reservation of the same key is dropped first, so the key is free again once it has aged out.
 */
export async function reserveIdempotencyKey(db: OperationalDatabase, key: StoredIdempotencyKey, expiredBefore: string): Promise<boolean> {
  await db.deleteFrom('idempotency_keys').where('scope_key', '=', key.scope_key).where('created_at', '<', expiredBefore).execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values(key)
    .onConflict((conflict) => conflict.column('scope_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Keeps the answer to replay under a reserved key. */
export async function storeIdempotentAnswer(db: OperationalDatabase, scopeKey: string, answer: { status: number; body: string }): Promise<void> {
  await db.updateTable('idempotency_keys').set(answer).where('scope_key', '=', scopeKey).execute();
}

export async function findIdempotencyKey(db: OperationalDatabase, scopeKey: string): Promise<StoredIdempotencyKey | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('scope_key', '=', scopeKey).executeTakeFirst();
}

export async function releaseIdempotencyKey(db: OperationalDatabase, scopeKey: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('scope_key', '=', scopeKey).execute();
}

/** Deletes up to `batch` keys created before `cutoff`, and answers how many it deleted. */
export async function deleteIdempotencyKeysBefore(db: OperationalDatabase, cutoff: string, batch: number): Promise<number> {
  const expired = db.selectFrom('idempotency_keys').select('scope_key').where('created_at', '<', cutoff).limit(batch);
  const result = await db.deleteFrom('idempotency_keys').where('scope_key', 'in', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Drops every stored answer: they may hold what a customer sent, so a backup leaves them out. */
export async function forgetIdempotencyKeys(db: OperationalDatabase): Promise<void> {
  await db.deleteFrom('idempotency_keys').execute();
}
