import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

type Trx = Transaction<ReadModelSchema>;

export interface News {
  readonly type: string;
  readonly customerId: string;
  readonly documentId: string | null;
  readonly requestId: string | null;
  readonly at: string;
  readonly detail: object;
}

/** One feed entry per department, at the position of the event that caused it, so departments resume exactly. */
export async function tell(trx: Trx, departments: readonly string[], recorded: RecordedEvent, news: News): Promise<void> {
  const unique = [...new Set(departments)];
  if (unique.length === 0) return;
  await trx
    .insertInto('department_feed')
    .values(
      unique.map((department) => ({
        department,
        position: recorded.position,
        type: news.type,
        customer_id: news.customerId,
        document_id: news.documentId,
        request_id: news.requestId,
        at: news.at,
        detail: JSON.stringify(news.detail),
      })),
    )
    .execute();
}

export async function departmentsRelyingOn(trx: Trx, documentId: string): Promise<string[]> {
  const rows = await trx.selectFrom('document_references').select('department').where('document_id', '=', documentId).where('released_at', 'is', null).execute();
  return rows.map((row) => row.department);
}

/** Departments whose ask for this kind is still open, whether the customer was asked or the ask waits on a review. */
export async function departmentsAsking(trx: Trx, customerId: string, kind: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('document_requests')
    .select('askers')
    .where('customer_id', '=', customerId)
    .where('kind', '=', kind)
    .where('status', 'in', ['open', 'in_review'])
    .execute();
  return rows.flatMap((row) => (JSON.parse(row.askers) as { department: string }[]).map((asker) => asker.department));
}
