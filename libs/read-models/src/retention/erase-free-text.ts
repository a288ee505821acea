import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

type Trx = Transaction<ReadModelSchema>;

/** What staff wrote in a department's feed entry, as against what happened (types, dates, codes). */
export const FEED_FREE_TEXT: readonly string[] = ['reason'];

/** A feed entry's detail without the free text in it. */
export const withoutFreeText = (detail: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(detail).filter(([key]) => !FEED_FREE_TEXT.includes(key)));

/**
 * Drops the free text staff wrote about an erased customer from the rows that copied it out of the events: why each
 * department asked for a document, and why a document was revoked as the departments were told. Who asked and when
 * stays, so the history of the asks keeps its shape.
 */
export async function eraseFreeTextAbout(trx: Trx, customerId: string): Promise<void> {
  const requests = await trx.selectFrom('document_requests').select(['request_id', 'askers']).where('customer_id', '=', customerId).execute();
  for (const { request_id, askers } of requests) {
    const kept = (JSON.parse(askers) as Record<string, unknown>[]).map((asker) => ({ ...asker, purpose: '' }));
    await trx.updateTable('document_requests').set({ askers: JSON.stringify(kept) }).where('request_id', '=', request_id).execute();
  }
  const told = await trx.selectFrom('department_feed').select(['department', 'position', 'detail']).where('customer_id', '=', customerId).execute();
  for (const { department, position, detail } of told) {
    const parsed = JSON.parse(detail) as Record<string, unknown>;
    if (!FEED_FREE_TEXT.some((key) => key in parsed)) continue;
    await trx
      .updateTable('department_feed')
      .set({ detail: JSON.stringify(withoutFreeText(parsed)) })
      .where('department', '=', department)
      .where('position', '=', position)
      .execute();
  }
}
