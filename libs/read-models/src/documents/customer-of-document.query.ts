import type { ReadModelDatabase } from '../database/open-read-model-database';

/** Whose file a document is in, or undefined for a document the read model does not hold. */
export async function customerOfDocument(db: ReadModelDatabase, documentId: string): Promise<string | undefined> {
  const row = await db.selectFrom('documents').select('customer_id').where('document_id', '=', documentId).executeTakeFirst();
  return row?.customer_id;
}
