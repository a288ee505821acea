import type { DocumentType } from '@kluis/document-domain';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import { type DocumentSummary, toDocumentSummary } from './document-summary';

/** Statuses under which the same bytes count as already on file. */
const ON_FILE = ['pending_review', 'awaiting_second_review', 'verified', 'rejected', 'expired'];
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
