import { CUSTOMER_STREAM_PREFIX, readCustomerRetentionEvent } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import type { Projection } from '../projection/projection';

const ACCESS_STREAM_PREFIX = 'access-';
const KNOWN = new Set(['EvidenceQueried', 'DocumentRead', 'DocumentContentRead', 'DocumentsListed', 'AccessDenied', 'BulkAccessBlocked', 'PersonalDataExported', 'DepartmentFeedRead']);

interface AccessData {
  customerId: string;
  by: string;
  role: string;
  department: string | null;
  purpose?: string | null;
  documentId?: string | null;
  at: string;
  [detail: string]: unknown;
}

/**
 * The customer's access log: one row per recorded read or refusal, never changed afterwards but for one thing: when
 * the customer is erased, the purposes staff stated for their reads are dropped, as they are in the sealed events.
 */
export const accessLogProjection: Projection = {
  name: 'access-log',
  streamPrefixes: [ACCESS_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX],
  async apply(trx, recorded: RecordedEvent) {
    if (recorded.stream.startsWith(CUSTOMER_STREAM_PREFIX)) {
      const event = readCustomerRetentionEvent(recorded.type, recorded.version, recorded.data);
      if (event.type === 'CustomerErased') await trx.updateTable('access_log').set({ purpose: null }).where('customer_id', '=', event.data.customerId).execute();
      return;
    }
    if (!KNOWN.has(recorded.type) || recorded.version !== 1) throw new Error(`access log cannot read ${recorded.type} v${recorded.version}`);
    const { customerId, by, role, department, purpose, documentId, at, ...detail } = recorded.data as AccessData;
    await trx
      .insertInto('access_log')
      .values({
        customer_id: customerId,
        position: recorded.position,
        type: recorded.type,
        by_sub: by,
        role,
        department,
        purpose: purpose ?? null,
        document_id: documentId ?? null,
        at,
        detail: JSON.stringify(detail),
      })
      .execute();
  },
  async reset(trx) {
    await trx.deleteFrom('access_log').execute();
  },
};
