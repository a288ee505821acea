import {
  assertNever,
  CUSTOMER_STREAM_PREFIX,
  DOCUMENT_REQUEST_STREAM_PREFIX,
  DOCUMENT_STREAM_PREFIX,
  type DocumentEvent,
  readDocumentEvent,
  readCustomerRetentionEvent,
  readDocumentRequestEvent,
} from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import { sql, type Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from '../projection/projection';
import { applyRequestEvent } from '../requests/document-requests.apply';
import { applyCustomerRetentionEvent } from '../retention/customer-retention.projection';
import { erasePersonalData, releaseReferencesTo } from '../retention/erase-personal-data';
import { departmentsAsking, departmentsRelyingOn, tell } from './department-feed';

type Trx = Transaction<ReadModelSchema>;

/**
 * The registry as people read it: one row per document, who relies on it, what the bank still asks for, and what
 * each department is told. One projection, so all of it moves in the same transaction and never disagrees.
 */
export const documentsProjection: Projection = {
  name: 'documents',
  streamPrefixes: [DOCUMENT_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX],
  async apply(trx, recorded) {
    if (recorded.stream.startsWith(CUSTOMER_STREAM_PREFIX)) {
      await applyCustomerRetentionEvent(trx, readCustomerRetentionEvent(recorded.type, recorded.version, recorded.data), recorded);
    } else if (recorded.stream.startsWith(DOCUMENT_REQUEST_STREAM_PREFIX)) {
      await applyRequestEvent(trx, readDocumentRequestEvent(recorded.type, recorded.version, recorded.data), recorded);
    } else {
      const event = readDocumentEvent(recorded.type, recorded.version, recorded.data);
      await applyDocumentEvent(trx, event, recorded);
      // Fields that read back erased mean the customer's key is gone, even where the events that recorded the
      // erasure are not (a backup restored from before it): the document is erased for every reader.
      if (readsBackErased(recorded)) await erasePersonalData(trx, { documentId: event.data.documentId }, { revision: recorded.revision, updated_at: recorded.recordedAt.toISOString() });
    }
  },
  async reset(trx) {
    await trx.deleteFrom('department_feed').execute();
    await trx.deleteFrom('document_requests').execute();
    await trx.deleteFrom('document_references').execute();
    await trx.deleteFrom('documents').execute();
    await trx.deleteFrom('customer_retention').execute();
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
          evidence_kind: data.evidenceKind,
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
          revocation: null,
          chip_failed: 0,
          ...stamp,
        })
        .execute();
      return;
    }
    case 'DocumentHeldForScan':
      return update(trx, event.data.documentId, { ...stamp, status: 'pending_scan' });
    case 'DocumentScanCleared':
      return update(trx, event.data.documentId, { ...stamp, status: 'pending_review', review_due_at: event.data.reviewDueAt });
    case 'DocumentDisputed': {
      // Back to the queue as a fresh review, and withheld from evidence: only verified documents are served.
      const { documentId, reviewDueAt, disputedAt, fields } = event.data;
      await update(trx, documentId, { ...stamp, ...unclaimed, status: 'pending_review', review_due_at: reviewDueAt, approvals: 0, first_approval_by: null });
      return tellAbout(trx, documentId, recorded, { type: event.type, at: disputedAt, detail: { fields } });
    }
    case 'DocumentFoundInfected': {
      const { documentId, reasonCode, message, foundAt } = event.data;
      await update(trx, documentId, { ...stamp, status: 'rejected', rejection: JSON.stringify({ reasonCode, message, at: foundAt }) });
      // Departments waiting for this kind of document hear of it as of any other rejection.
      return tellAbout(trx, documentId, recorded, { type: 'DocumentRejected', at: foundAt, detail: { reasonCode } });
    }
    // The verdict lives on the document itself; the list keeps only whether it failed, since a failed reading can
    // never be approved and so is nothing an ask may wait on.
    case 'ChipReadingChecked':
      return update(trx, event.data.documentId, { ...stamp, chip_failed: event.data.passed ? 0 : 1 });
    case 'DocumentClaimed':
      return update(trx, event.data.documentId, { ...stamp, claimed_by: event.data.claimedBy.id, claim_expires_at: event.data.until });
    case 'DocumentClaimReleased':
      return update(trx, event.data.documentId, { ...stamp, ...unclaimed });
    case 'DocumentExpired':
      await update(trx, event.data.documentId, { ...stamp, status: 'expired' });
      return tellAbout(trx, event.data.documentId, recorded, { type: event.type, at: event.data.expiredAt, detail: { validUntil: event.data.validUntil } });
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
    case 'DocumentVerified': {
      const { documentId, validUntil, verifiedAt } = event.data;
      await update(trx, documentId, { ...stamp, status: 'verified', facts: JSON.stringify(event.data.facts), valid_until: validUntil });
      return tellAbout(trx, documentId, recorded, { type: event.type, at: verifiedAt, detail: { validUntil } });
    }
    case 'DocumentRejected': {
      const { documentId, reasonCode, message, rejectedAt } = event.data;
      await update(trx, documentId, { ...stamp, status: 'rejected', rejection: JSON.stringify({ reasonCode, message, at: rejectedAt }) });
      return tellAbout(trx, documentId, recorded, { type: event.type, at: rejectedAt, detail: { reasonCode } });
    }
    case 'DocumentWithdrawn':
      await update(trx, event.data.documentId, { ...stamp, status: 'withdrawn' });
      return tellAbout(trx, event.data.documentId, recorded, { type: event.type, at: event.data.withdrawnAt, detail: {} });
    case 'DocumentRevoked':
      await update(trx, event.data.documentId, { ...stamp, status: 'revoked', revocation: JSON.stringify({ reason: event.data.reason, at: event.data.revokedAt }) });
      return tellAbout(trx, event.data.documentId, recorded, { type: event.type, at: event.data.revokedAt, detail: { reason: event.data.reason } });
    case 'DocumentReferenced': {
      const { referenceId, documentId, customerId, department, purpose, caseRef, referencedAt } = event.data;
      await trx
        .insertInto('document_references')
        .values({ reference_id: referenceId, document_id: documentId, customer_id: customerId, department, purpose, case_ref: caseRef, created_at: referencedAt, released_at: null })
        .execute();
      return update(trx, documentId, stamp);
    }
    case 'ReferenceReleased':
      await trx.updateTable('document_references').set({ released_at: event.data.releasedAt }).where('reference_id', '=', event.data.referenceId).execute();
      return update(trx, event.data.documentId, stamp);
    case 'HolderMismatchFound':
    case 'HolderMismatchConfirmed':
      return update(trx, event.data.documentId, stamp);
    case 'DocumentErased':
      await tellAbout(trx, event.data.documentId, recorded, { type: event.type, at: event.data.erasedAt, detail: {} });
      await erasePersonalData(trx, { documentId: event.data.documentId }, stamp);
      return releaseReferencesTo(trx, event.data.documentId, event.data.erasedAt);
    default:
      return assertNever(event);
  }
}

const unclaimed = { claimed_by: null, claim_expires_at: null };

/** Tells every department that relies on the document, or waits for one of its kind, what happened to it. */
async function tellAbout(trx: Trx, documentId: string, recorded: RecordedEvent, news: { type: string; at: string; detail: object }): Promise<void> {
  const document = await trx.selectFrom('documents').select(['customer_id', 'evidence_kind', 'type']).where('document_id', '=', documentId).executeTakeFirstOrThrow();
  const departments = new Set([
    ...(await departmentsRelyingOn(trx, documentId)),
    ...(document.evidence_kind ? await departmentsAsking(trx, document.customer_id, document.evidence_kind) : []),
  ]);
  await tell(trx, [...departments], recorded, { ...news, customerId: document.customer_id, documentId, requestId: null, detail: { ...news.detail, documentType: document.type } });
}

/** An erased document stays erased, whatever happens to it afterwards. */
async function update(trx: Trx, documentId: string, changes: Partial<ReadModelSchema['documents']>): Promise<void> {
  const { status, ...rest } = changes;
  const keepErased = status === undefined ? {} : { status: sql<string>`case when status = 'erased' then status else cast(${status} as text) end` };
  await trx
    .updateTable('documents')
    .set({ ...rest, ...keepErased })
    .where('document_id', '=', documentId)
    .execute();
}

const readsBackErased = (recorded: RecordedEvent): boolean => Array.isArray(recorded.metadata.erased) && recorded.metadata.erased.length > 0;
