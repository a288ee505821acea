import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { FeedEntry } from '../documents/reuse.queries';

/** A feed entry a department's endpoint would not accept, kept for an administrator to look at and send again. */
export interface WebhookDeadLetter {
  readonly id: string;
  readonly department: string;
  readonly position: number;
  readonly entry: FeedEntry;
  readonly attempts: number;
  /** The last HTTP status the endpoint answered, or null when it gave none (no connection, no answer in time). */
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly failedAt: string;
}

/** The last feed position delivered to the department's webhook; 0 when none was. */
export async function webhookCursor(db: ReadModelDatabase, department: string): Promise<number> {
  const row = await db.selectFrom('webhook_cursors').select('position').where('department', '=', department).executeTakeFirst();
  // PostgreSQL returns bigint columns as strings.
  return row ? Number(row.position) : 0;
}

/**
 * Moves the department's cursor from `from` to `to`, and reports whether it was still at `from`: a deliverer that
 * finds it moved is no longer the only one delivering and must read it again.
 */
export async function advanceWebhookCursor(db: Kysely<ReadModelSchema>, department: string, from: number, to: number): Promise<boolean> {
  if (from === 0) {
    const inserted = await db
      .insertInto('webhook_cursors')
      .values({ department, position: to })
      .onConflict((conflict) => conflict.column('department').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db.updateTable('webhook_cursors').set({ position: to }).where('department', '=', department).where('position', '=', from).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Sets the entry aside and moves the cursor past it in one transaction, so it is neither lost nor kept twice. */
export async function deadLetterWebhookEntry(db: ReadModelDatabase, letter: WebhookDeadLetter, from: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await advanceWebhookCursor(trx, letter.department, from, letter.position))) return false;
    await trx
      .insertInto('webhook_dead_letters')
      .values({
        id: letter.id,
        department: letter.department,
        position: letter.position,
        entry: JSON.stringify(letter.entry),
        attempts: letter.attempts,
        last_status: letter.lastStatus,
        last_error: letter.lastError,
        failed_at: letter.failedAt,
      })
      .execute();
    return true;
  });
}

type DeadLetterRow = ReadModelSchema['webhook_dead_letters'];

const toDeadLetter = (row: DeadLetterRow): WebhookDeadLetter => ({
  id: row.id,
  department: row.department,
  position: Number(row.position),
  entry: JSON.parse(row.entry) as FeedEntry,
  attempts: Number(row.attempts),
  lastStatus: row.last_status === null ? null : Number(row.last_status),
  lastError: row.last_error,
  failedAt: row.failed_at,
});

/** Dead letters in feed order, one department's or everyone's. */
export async function listWebhookDeadLetters(db: ReadModelDatabase, options: { department?: string; limit: number }): Promise<WebhookDeadLetter[]> {
  let query = db.selectFrom('webhook_dead_letters').selectAll();
  if (options.department !== undefined) query = query.where('department', '=', options.department);
  const rows = await query.orderBy('department').orderBy('position').limit(options.limit).execute();
  return rows.map(toDeadLetter);
}

export async function findWebhookDeadLetter(db: ReadModelDatabase, id: string): Promise<WebhookDeadLetter | null> {
  const row = await db.selectFrom('webhook_dead_letters').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDeadLetter(row) : null;
}

/** Removes a dead letter once it was delivered; reports whether it was still there. */
export async function removeWebhookDeadLetter(db: ReadModelDatabase, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('webhook_dead_letters').where('id', '=', id).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}

/** Counts one more failed attempt at a dead letter, and keeps why it failed. */
export async function recordWebhookRetryFailure(db: ReadModelDatabase, id: string, failure: { lastStatus: number | null; lastError: string; failedAt: string }): Promise<void> {
  await db
    .updateTable('webhook_dead_letters')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_status: failure.lastStatus, last_error: failure.lastError, failed_at: failure.failedAt }))
    .where('id', '=', id)
    .execute();
}
