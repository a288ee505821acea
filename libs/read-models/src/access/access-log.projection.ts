import { ACCESS_STREAM_PREFIX, type AccessEvent, assertNever, CUSTOMER_STREAM_PREFIX, readAccessEvent, readCustomerRetentionEvent } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from '../projection/projection';

type Trx = Transaction<ReadModelSchema>;

/**
 * The customer's access log: one row per recorded read or refusal, never changed afterwards but for one thing: when
 * the customer is erased, the purposes staff stated for their reads are dropped, as they are in the sealed events.
 */
export const accessLogProjection: Projection = {
  name: 'access-log',
  streamPrefixes: [ACCESS_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX],
  async apply(trx, recorded: RecordedEvent) {
    if (!recorded.stream.startsWith(CUSTOMER_STREAM_PREFIX)) return logAccess(trx, readAccessEvent(recorded.type, recorded.version, recorded.data), recorded);
    const event = readCustomerRetentionEvent(recorded.type, recorded.version, recorded.data);
    switch (event.type) {
      case 'CustomerErased':
        await trx.updateTable('access_log').set({ purpose: null }).where('customer_id', '=', event.data.customerId).execute();
        return;
      case 'CustomerRelationshipStarted':
      case 'CustomerRelationshipEnded':
      case 'LegalHoldPlaced':
      case 'LegalHoldLifted':
      case 'CustomerErasureCompleted':
        return;
      default:
        return assertNever(event);
    }
  },
  async reset(trx) {
    await trx.deleteFrom('access_log').execute();
  },
};

/** Every access event is logged alike: who, in which role, when, about which document and why; the rest is detail. */
async function logAccess(trx: Trx, { type, data }: AccessEvent, recorded: RecordedEvent): Promise<void> {
  const { customerId, by, role, department, at, ...rest }: AccessEvent['data'] & { purpose?: string | null; documentId?: string | null } = data;
  const { purpose, documentId, ...detail } = rest;
  await trx
    .insertInto('access_log')
    .values({
      customer_id: customerId,
      position: recorded.position,
      type,
      by_sub: by,
      role,
      department,
      purpose: purpose ?? null,
      document_id: documentId ?? null,
      at,
      detail: JSON.stringify(detail),
    })
    .execute();
}
