import { assertNever, type CustomerRetentionEvent } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { CustomerRetentionTable } from './customer-retention.table';
import { erasePersonalData } from './erase-personal-data';

type Trx = Transaction<ReadModelSchema>;

/**
 * Where each customer's retention clock stands, for the retention process to find who is due and for people to see
 * it. Projected with the documents, so an erased customer's documents drop their personal data in the same
 * transaction, before each document's own erasure event arrives.
 */
export async function applyCustomerRetentionEvent(trx: Trx, event: CustomerRetentionEvent, recorded: RecordedEvent): Promise<void> {
  const { customerId } = event.data;
  const updated_at = recorded.recordedAt.toISOString();
  switch (event.type) {
    case 'CustomerRelationshipStarted':
      return upsert(trx, customerId, { status: 'active', started_on: event.data.startedOn, ended_on: null, retained_until: null, updated_at });
    case 'CustomerRelationshipEnded':
      return upsert(trx, customerId, { status: 'ended', ended_on: event.data.endedOn, retained_until: event.data.retainedUntil, updated_at });
    case 'LegalHoldPlaced':
    case 'LegalHoldLifted': {
      const row = await current(trx, customerId);
      return upsert(trx, customerId, { holds: Math.max(0, Number(row?.holds ?? 0) + (event.type === 'LegalHoldPlaced' ? 1 : -1)), updated_at });
    }
    case 'CustomerErased':
      await upsert(trx, customerId, { status: 'erased', erased_at: event.data.erasedAt, erasure_reason: event.data.reason, updated_at });
      return erasePersonalData(trx, { customerId }, { updated_at });
    case 'CustomerErasureCompleted':
      return upsert(trx, customerId, { erasure_completed_at: event.data.completedAt, updated_at });
    default:
      return assertNever(event);
  }
}

const current = (trx: Trx, customerId: string) => trx.selectFrom('customer_retention').selectAll().where('customer_id', '=', customerId).executeTakeFirst();

/** A prospect has no row until something happens to their clock; the first event makes one. */
async function upsert(trx: Trx, customerId: string, changes: Partial<CustomerRetentionTable> & { updated_at: string }): Promise<void> {
  if (await current(trx, customerId)) {
    await trx.updateTable('customer_retention').set(changes).where('customer_id', '=', customerId).execute();
    return;
  }
  await trx
    .insertInto('customer_retention')
    .values({
      customer_id: customerId,
      status: 'prospect',
      started_on: null,
      ended_on: null,
      retained_until: null,
      holds: 0,
      erased_at: null,
      erasure_reason: null,
      erasure_completed_at: null,
      ...changes,
    })
    .execute();
}
