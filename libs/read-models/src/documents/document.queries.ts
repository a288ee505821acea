import type { DocumentType } from '@kluis/document-domain';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import { type DocumentSummary, toDocumentSummary } from './document-summary';

/** Statuses under which the same bytes count as already on file. */
const ON_FILE = ['pending_scan', 'pending_review', 'awaiting_second_review', 'verified', 'rejected', 'expired'];
const AWAITING_REVIEW = ['pending_review', 'awaiting_second_review'];

export async function listCustomerDocuments(
  db: ReadModelDatabase,
  customerId: string,
  options: { types?: readonly DocumentType[] } = {},
): Promise<DocumentSummary[]> {
  let query = db.selectFrom('documents').selectAll().where('customer_id', '=', customerId);
  if (options.types) {
    if (options.types.length === 0) return [];
    query = query.where('type', 'in', options.types);
  }
  const rows = await query.orderBy('submitted_at', 'desc').orderBy('document_id').execute();
  return rows.map(toDocumentSummary);
}

/** The document already holding these exact bytes for this customer and type, if any. */
export async function findDocumentWithContent(
  db: ReadModelDatabase,
  customerId: string,
  type: DocumentType,
  sha256: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('documents')
    .select('document_id')
    .where('customer_id', '=', customerId)
    .where('type', '=', type)
    .where('sha256', '=', sha256)
    .where('status', 'in', ON_FILE)
    .orderBy('submitted_at')
    .executeTakeFirst();
  return row?.document_id ?? null;
}

export interface ReviewQueueOptions {
  readonly now: Date;
  readonly overdueOnly: boolean;
  readonly limit: number;
}

export interface ReviewQueueItem extends DocumentSummary {
  readonly overdue: boolean;
}

/** Documents waiting for a reviewer, oldest first. */
export async function reviewQueue(db: ReadModelDatabase, options: ReviewQueueOptions): Promise<ReviewQueueItem[]> {
  const now = options.now.toISOString();
  let query = db.selectFrom('documents').selectAll().where('status', 'in', AWAITING_REVIEW);
  if (options.overdueOnly) query = query.where('review_due_at', '<', now);
  const rows = await query.orderBy('submitted_at').orderBy('document_id').limit(options.limit).execute();
  return rows.map((row) => ({ ...toDocumentSummary(row), overdue: row.review_due_at < now }));
}

/** Verified documents whose validity ended before `today` (YYYY-MM-DD): the expiry process's work list. */
export async function documentsPastValidity(db: ReadModelDatabase, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('document_id')
    .where('status', '=', 'verified')
    .where('valid_until', '<', today)
    .orderBy('valid_until')
    .limit(limit)
    .execute();
  return rows.map((row) => row.document_id);
}

/** How many documents wait for review, and how many of those are past their deadline. */
export async function reviewBacklog(db: ReadModelDatabase, now: Date): Promise<{ waiting: number; overdue: number }> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('waiting'),
      eb.fn.sum<number | string | null>(eb.case().when('review_due_at', '<', now.toISOString()).then(1).else(0).end()).as('overdue'),
    ])
    .where('status', 'in', AWAITING_REVIEW)
    .executeTakeFirstOrThrow();
  // PostgreSQL returns counts and sums as strings.
  return { waiting: Number(row.waiting), overdue: Number(row.overdue ?? 0) };
}
