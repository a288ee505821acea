import type { DocumentType } from '@kluis/document-domain';
import type { ReadModelDatabase } from '../database/open-read-model-database';

/** Statuses of a document the bank holds but has not finished checking. */
export const IN_REVIEW = ['pending_scan', 'pending_review', 'awaiting_second_review'] as const;

export interface PendingEvidence {
  readonly documentId: string;
  readonly reviewDueAt: string;
}

/**
 * The document of these types in review for the customer that is due to be checked first, if any. A chip reading
 * that failed is kept for a reviewer to see but can never be approved, so it is not pending evidence.
 */
export async function findPendingEvidence(db: ReadModelDatabase, customerId: string, types: readonly DocumentType[]): Promise<PendingEvidence | null> {
  if (types.length === 0) return null;
  const row = await db
    .selectFrom('documents')
    .select(['document_id', 'review_due_at'])
    .where('customer_id', '=', customerId)
    .where('type', 'in', types)
    .where('status', 'in', IN_REVIEW)
    .where('chip_failed', '=', 0)
    .orderBy('review_due_at')
    .orderBy('document_id')
    .executeTakeFirst();
  return row ? { documentId: row.document_id, reviewDueAt: row.review_due_at } : null;
}

export interface Waiters {
  readonly departments: readonly string[];
  /** The earliest date any waiting department needs the document by; null when none gave a date. */
  readonly neededBy: string | null;
}

/** For each document, the departments whose ask waits on its review. */
export async function waitersOn(db: ReadModelDatabase, documentIds: readonly string[]): Promise<Map<string, Waiters>> {
  const waiters = new Map<string, Waiters>();
  if (documentIds.length === 0) return waiters;
  const rows = await db
    .selectFrom('document_requests')
    .select(['waiting_on', 'askers'])
    .where('waiting_on', 'in', documentIds)
    .where('status', '=', 'in_review')
    .execute();
  for (const row of rows) {
    const askers = JSON.parse(row.askers) as { department: string; dueBy: string | null }[];
    const previous = waiters.get(row.waiting_on!) ?? { departments: [], neededBy: null };
    const dates = [previous.neededBy, ...askers.map((asker) => asker.dueBy)].filter((date): date is string => date !== null).sort();
    waiters.set(row.waiting_on!, { departments: [...new Set([...previous.departments, ...askers.map((asker) => asker.department)])], neededBy: dates[0] ?? null });
  }
  return waiters;
}
