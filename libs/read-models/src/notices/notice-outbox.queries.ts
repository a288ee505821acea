import type { ReadModelDatabase } from '../database/open-read-model-database';

export interface OutboxNotice {
  readonly noticeId: string;
  readonly customerId: string;
}

/** Notices whose next attempt is due, oldest first. */
export async function dueNotices(db: ReadModelDatabase, now: Date, limit: number): Promise<OutboxNotice[]> {
  const rows = await db
    .selectFrom('notice_outbox')
    .select(['notice_id', 'customer_id'])
    .where('state', '=', 'pending')
    .where('retry_at', '<=', now.toISOString())
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ noticeId: row.notice_id, customerId: row.customer_id }));
}

/** A notice issued while no address was on file stays in the inbox only; it is not mailed later to a new address. */
export async function markUnaddressed(db: ReadModelDatabase, noticeId: string): Promise<void> {
  await db.updateTable('notice_outbox').set({ state: 'unaddressed' }).where('notice_id', '=', noticeId).execute();
}

/** Notices every attempt to mail failed, for support. */
export async function countUndeliveredNotices(db: ReadModelDatabase): Promise<number> {
  const { count } = await db.selectFrom('notice_outbox').select((eb) => eb.fn.countAll<number>().as('count')).where('state', '=', 'failed').executeTakeFirstOrThrow();
  return Number(count);
}

export interface UndeliveredNotice {
  readonly noticeId: string;
  readonly customerId: string;
  readonly attempts: number;
}

/** The oldest notices every attempt to send failed for, for support to follow up by another way. */
export async function undeliveredNotices(db: ReadModelDatabase, limit: number): Promise<UndeliveredNotice[]> {
  const rows = await db.selectFrom('notice_outbox').select(['notice_id', 'customer_id', 'attempts']).where('state', '=', 'failed').orderBy('position').limit(limit).execute();
  return rows.map((row) => ({ noticeId: row.notice_id, customerId: row.customer_id, attempts: row.attempts }));
}
