import type { ReadModelDatabase } from '../database/open-read-model-database';

export interface CustomerRetentionView {
  readonly customerId: string;
  readonly status: 'prospect' | 'active' | 'ended' | 'erased';
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  readonly retainedUntil: string | null;
  readonly legalHolds: number;
  readonly erasedAt: string | null;
  readonly erasureCompletedAt: string | null;
}

export async function customerRetention(db: ReadModelDatabase, customerId: string): Promise<CustomerRetentionView | null> {
  const row = await db.selectFrom('customer_retention').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) return null;
  return {
    customerId: row.customer_id,
    status: row.status as CustomerRetentionView['status'],
    startedOn: row.started_on,
    endedOn: row.ended_on,
    retainedUntil: row.retained_until,
    legalHolds: Number(row.holds),
    erasedAt: row.erased_at,
    erasureCompletedAt: row.erasure_completed_at,
  };
}

/** Customers whose records were kept for the whole period (up to and including `retainedUntil`) and no hold applies. */
export async function customersDueForErasure(db: ReadModelDatabase, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_retention')
    .select('customer_id')
    .where('status', '=', 'ended')
    .where('holds', '=', 0)
    .where('retained_until', '<', today)
    .orderBy('retained_until')
    .limit(limit)
    .execute();
  return rows.map((row) => row.customer_id);
}

/** Customers erased whose key destruction and document erasures have not all been confirmed yet. */
export async function erasuresToComplete(db: ReadModelDatabase, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_retention')
    .select('customer_id')
    .where('status', '=', 'erased')
    .where('erasure_completed_at', 'is', null)
    .orderBy('erased_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.customer_id);
}

/** Every document on record for the customer, erased or not, oldest first. */
export async function customerDocumentIds(db: ReadModelDatabase, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('document_id').where('customer_id', '=', customerId).orderBy('submitted_at').execute();
  return rows.map((row) => row.document_id);
}

/** Departments that ever relied on one of the customer's documents, released or not. */
export async function departmentsThatReliedOn(db: ReadModelDatabase, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('document_references').select('department').distinct().where('customer_id', '=', customerId).orderBy('department').execute();
  return rows.map((row) => row.department);
}
