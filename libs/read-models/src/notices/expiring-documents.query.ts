import type { ReadModelDatabase } from '../database/open-read-model-database';

export interface ExpiringDocumentRow {
  readonly documentId: string;
  readonly customerId: string;
  readonly type: string;
  readonly validUntil: string;
}

/** Verified documents whose validity ends between `today` and `horizon`, both included. */
export async function documentsExpiringBetween(db: ReadModelDatabase, today: string, horizon: string): Promise<ExpiringDocumentRow[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['document_id', 'customer_id', 'type', 'valid_until'])
    .where('status', '=', 'verified')
    .where('valid_until', '>=', today)
    .where('valid_until', '<=', horizon)
    .execute();
  return rows.map((row) => ({ documentId: row.document_id, customerId: row.customer_id, type: row.type, validUntil: row.valid_until! }));
}
