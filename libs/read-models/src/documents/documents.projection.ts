import { DOCUMENT_STREAM_PREFIX, type DocumentEvent, readDocumentEvent } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from '../projection/projection';

type Trx = Transaction<ReadModelSchema>;

/** One row per document: what lists, the review queue and duplicate detection read. */
export const documentsProjection: Projection = {
  name: 'documents',
  streamPrefixes: [DOCUMENT_STREAM_PREFIX],
  async apply(trx, recorded) {
    await applyDocumentEvent(trx, readDocumentEvent(recorded.type, recorded.version, recorded.data), recorded);
  },
  async reset(trx) {
    await trx.deleteFrom('documents').execute();
  },
};

async function applyDocumentEvent(trx: Trx, event: DocumentEvent, recorded: RecordedEvent): Promise<void> {
  const stamp = { revision: recorded.revision, updated_at: recorded.recordedAt.toISOString() };
  switch (event.type) {
    case 'DocumentSubmitted': {
      const { data } = event;
      await trx
        .insertInto('documents')
        .values({
          document_id: data.documentId,
          customer_id: data.customerId,
          type: data.type,
          status: 'pending_review',
          sha256: data.file.sha256,
          size: data.file.size,
          media_type: data.file.mediaType,
          filename: data.file.filename,
          channel: data.channel,
          related_customer_ids: JSON.stringify(data.relatedCustomerIds),
          submitted_at: data.submittedAt,
          submitted_by_kind: data.submittedBy.kind,
          review_due_at: data.reviewDueAt,
          approvals: 0,
          first_approval_by: null,
          facts: null,
          valid_until: null,
          rejection: null,
          claimed_by: null,
          claim_expires_at: null,
          ...stamp,
        })
        .execute();
      return;
    }
    case 'DocumentClaimed':
      return update(trx, event.data.documentId, { ...stamp, claimed_by: event.data.claimedBy.id, claim_expires_at: event.data.until });
    case 'DocumentClaimReleased':
      return update(trx, event.data.documentId, { ...stamp, ...unclaimed });
    case 'DocumentExpired':
      return update(trx, event.data.documentId, { ...stamp, status: 'expired' });
    case 'DocumentReviewed': {
      if (event.data.decision === 'reject') return update(trx, event.data.documentId, { ...stamp, ...unclaimed });
      const row = await trx.selectFrom('documents').select(['approvals', 'first_approval_by']).where('document_id', '=', event.data.documentId).executeTakeFirstOrThrow();
      return update(trx, event.data.documentId, {
        ...stamp,
        ...unclaimed,
        status: 'awaiting_second_review',
        approvals: Number(row.approvals) + 1,
        first_approval_by: row.first_approval_by ?? event.data.reviewer.id,
      });
    }
    case 'DocumentVerified':
      return update(trx, event.data.documentId, { ...stamp, status: 'verified', facts: JSON.stringify(event.data.facts), valid_until: event.data.validUntil });
    case 'DocumentRejected': {
      const { reasonCode, message, rejectedAt } = event.data;
      return update(trx, event.data.documentId, { ...stamp, status: 'rejected', rejection: JSON.stringify({ reasonCode, message, at: rejectedAt }) });
    }
    case 'DocumentWithdrawn':
      return update(trx, event.data.documentId, { ...stamp, status: 'withdrawn' });
    default: {
      const unhandled: never = event;
      throw new Error(`documents projection cannot apply ${(unhandled as DocumentEvent).type}`);
    }
  }
}

const unclaimed = { claimed_by: null, claim_expires_at: null };

async function update(trx: Trx, documentId: string, changes: Partial<ReadModelSchema['documents']>): Promise<void> {
  await trx.updateTable('documents').set(changes).where('document_id', '=', documentId).execute();
}
