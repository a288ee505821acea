import type { ReadModelDatabase } from '../database/open-read-model-database';

/** Whether the bank holds anything on this customer: a document, an ask, or a business relationship. */
export async function isKnownCustomer(db: ReadModelDatabase, customerId: string): Promise<boolean> {
  for (const table of ['documents', 'document_requests', 'customer_retention'] as const) {
    if (await db.selectFrom(table).select('customer_id').where('customer_id', '=', customerId).limit(1).executeTakeFirst()) return true;
  }
  return false;
}
