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

/** The customer's access log: one row per recorded read or refusal, never changed afterwards. */
export const accessLogProjection: Projection = {
  name: 'access-log',
  streamPrefixes: [ACCESS_STREAM_PREFIX],
  async apply(trx, recorded: RecordedEvent) {
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
