import { assertNever } from '../assert-never';
import { addDays } from '../calendar';
import type { CustomerRetentionEvent } from '../customer-retention/customer-retention.events';
import type { DocumentRequestEvent } from '../document-request';
import type { DocumentType, EvidenceKind } from '../document-type';
import type { DocumentEvent } from '../document/document.events';
import { lapsesWithin } from '../due-dates';
import type { NoticeIssued } from './notice.events';

/** A notice before it has its id, which the caller derives from the cause so that it is the same on every replay. */
export type NoticeDraft = Omit<NoticeIssued['data'], 'noticeId' | 'issuedAt'>;

/** The document an event is about, as it was submitted: events after the first name only the document. */
export interface SubmittedDocument {
  readonly customerId: string;
  readonly type: DocumentType;
}

export type NoticeCause = (DocumentEvent | DocumentRequestEvent | CustomerRetentionEvent) & { readonly id: string };

/** What the customer quotes: short enough to read out on the phone, the same for everything about one document or ask. */
export const noticeReference = (id: string): string => `K-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/**
 * Whether an event is something the customer must hear about, and what they are told. Steps only staff see (a
 * claim, the first of two approvals, a scan held back) tell the customer nothing, and neither does a department
 * joining an ask the customer was already told about, nor an ask that waits on a document she already sent: she is
 * asked only once that document is rejected or withdrawn, with the reason.
 */
export function noticeFor(cause: NoticeCause, document: SubmittedDocument | null): NoticeDraft | null {
  const causedBy = cause.id;
  switch (cause.type) {
    case 'DocumentSubmitted': {
      const { documentId, customerId, type, channel, reviewDueAt } = cause.data;
      return { customerId, kind: 'received', reference: noticeReference(documentId), about: { documentType: type, channel, reviewDueAt }, causedBy };
    }
    case 'DocumentRejected': {
      if (!document) return null;
      const { documentId, reasonCode, message } = cause.data;
      return { customerId: document.customerId, kind: 'rejected', reference: noticeReference(documentId), about: { documentType: document.type, reasonCode, message }, causedBy };
    }
    case 'DocumentFoundInfected': {
      // The scanner's verdict is a rejection like a reviewer's, with the vault's own wording as the reason.
      if (!document) return null;
      const { documentId, reasonCode, message } = cause.data;
      return { customerId: document.customerId, kind: 'rejected', reference: noticeReference(documentId), about: { documentType: document.type, reasonCode, message }, causedBy };
    }
    case 'DocumentRevoked': {
      if (!document) return null;
      return { customerId: document.customerId, kind: 'revoked', reference: noticeReference(cause.data.documentId), about: { documentType: document.type, message: cause.data.reason }, causedBy };
    }
    case 'DocumentVerified': {
      if (!document) return null;
      const { documentId, validUntil } = cause.data;
      return { customerId: document.customerId, kind: 'verified', reference: noticeReference(documentId), about: { documentType: document.type, validUntil }, causedBy };
    }
    case 'DocumentRequested': {
      const { requestId, customerId, kind, department, purpose, dueBy } = cause.data;
      return { customerId, kind: 'requested', reference: noticeReference(requestId), about: { evidenceKind: kind, department, purpose, dueBy }, causedBy };
    }
    case 'DocumentRequestSentToCustomer': {
      const { requestId, customerId, kind, reasonCode, message, departments, dueBy } = cause.data;
      return { customerId, kind: 'requested', reference: noticeReference(requestId), about: { evidenceKind: kind, department: departments.join(', '), reasonCode, message, dueBy }, causedBy };
    }
    case 'EscalationConfirmed': {
      const { requestId, customerId, kind, department, action, purpose } = cause.data;
      return { customerId, kind: 'escalated', reference: noticeReference(requestId), about: { evidenceKind: kind, department, action, purpose }, causedBy };
    }
    case 'CustomerErasureCompleted':
      return { customerId: cause.data.customerId, kind: 'erased', reference: noticeReference(causedBy), about: {}, causedBy };
    case 'DocumentHeldForScan':
    case 'DocumentScanCleared':
    case 'ChipReadingChecked':
    case 'DocumentClaimed':
    case 'DocumentClaimReleased':
    case 'DocumentReviewed':
    case 'HolderMismatchFound':
    case 'HolderMismatchConfirmed':
    case 'DocumentReferenced':
    case 'ReferenceReleased':
    case 'DocumentExpired':
    case 'DocumentWithdrawn':
    // She filed the dispute herself; what the second look finds reaches her as a verification or a rejection.
    case 'DocumentDisputed':
    case 'DocumentErased':
    case 'DocumentRequestAwaitingReview':
    case 'DocumentRequestJoined':
    case 'DocumentRequestSatisfied':
    case 'EscalationProposed':
    case 'CustomerRelationshipStarted':
    case 'CustomerRelationshipEnded':
    case 'LegalHoldPlaced':
    case 'LegalHoldLifted':
    case 'CustomerErased':
      return null;
    default:
      return assertNever(cause);
  }
}

export interface OpenAsk {
  readonly requestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly dueBy: string | null;
}

/** One reminder per ask, once its due date is `daysBefore` days away or nearer, and not after it has passed. */
export function reminderFor(ask: OpenAsk, today: string, daysBefore: number): NoticeDraft | null {
  if (ask.dueBy === null || ask.dueBy < today) return null;
  if (today < addDays(ask.dueBy, -daysBefore)) return null;
  return { customerId: ask.customerId, kind: 'reminder', reference: noticeReference(ask.requestId), about: { evidenceKind: ask.kind, dueBy: ask.dueBy }, causedBy: ask.requestId };
}

export interface ExpiringDocument {
  readonly documentId: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly validUntil: string;
}

/** One notice per document and validity, once its end is within the horizon and still ahead. */
export function expiringSoonFor(document: ExpiringDocument, today: string, horizonDays: number): NoticeDraft | null {
  if (document.validUntil < today || !lapsesWithin(document.validUntil, today, horizonDays)) return null;
  return {
    customerId: document.customerId,
    kind: 'expiring-soon',
    reference: noticeReference(document.documentId),
    about: { documentType: document.type, validUntil: document.validUntil },
    causedBy: `${document.documentId}:${document.validUntil}`,
  };
}
