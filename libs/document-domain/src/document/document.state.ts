import { assertNever } from '../assert-never';
import type { ChipCheck, HolderCheck } from '../chip/chip-reading';
import type { Actor } from '../domain-event';
import type { Channel, DocumentStatus, DocumentType, EvidenceKind } from '../document-type';
import type { DocumentEvent, StoredFile } from './document.events';
import type { Facts } from '../facts';
import type { HolderField } from '../holder-check';

export interface Review {
  readonly reviewer: Actor;
  readonly decision: 'approve' | 'reject';
  readonly facts: Facts;
  readonly reasonCode: string | null;
  readonly message: string | null;
  readonly at: string;
}

export interface NoDocument {
  readonly status: 'none';
}

export interface DocumentOnFile {
  readonly status: DocumentStatus;
  readonly documentId: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly evidenceKind: EvidenceKind | null;
  readonly file: StoredFile;
  readonly channel: Channel;
  readonly relatedCustomerIds: readonly string[];
  readonly submittedBy: Actor;
  readonly submittedAt: string;
  readonly reviewDueAt: string;
  readonly reviews: readonly Review[];
  readonly facts: Facts | null;
  readonly validUntil: string | null;
  readonly rejection: { readonly reasonCode: string; readonly message: string; readonly at: string } | null;
  /** Who is working on it, until when. Kept after the lease ends; readers compare `until` with the time. */
  readonly claim: { readonly by: Actor; readonly until: string } | null;
  /** Departments relying on it now; released references are dropped (the history keeps them). */
  readonly references: readonly Reference[];
  readonly revocation: { readonly reason: string; readonly at: string } | null;
  /** For a chip reading: what passive authentication found, and how its holder compares with the known identity. */
  readonly chip: (ChipCheck & { readonly holderCheck: HolderCheck }) | null;

  /** Holder fields that differ from the customer's verified identity, and who confirmed them anyway, if anyone has. */
  readonly holderMismatch: HolderMismatch | null;
  /** What the customer says is wrong in the verified facts, until a reviewer has looked at them again. */
  readonly dispute: Dispute | null;
}

export interface Dispute {
  readonly fields: readonly string[];
  readonly message: string;
  readonly by: Actor;
  readonly at: string;
}

export interface HolderMismatch {
  readonly fields: readonly HolderField[];
  readonly confirmation: { readonly by: Actor; readonly reason: string; readonly at: string } | null;
}

export interface Reference {
  readonly id: string;
  readonly department: string;
  readonly purpose: string;
  readonly caseRef: string;
  readonly at: string;
}

export type DocumentState = NoDocument | DocumentOnFile;

export const initialDocumentState: DocumentState = { status: 'none' };

export const isOnFile = (state: DocumentState): state is DocumentOnFile => state.status !== 'none';

export function evolve(state: DocumentState, event: DocumentEvent): DocumentState {
  if (event.type === 'DocumentSubmitted') {
    const { data } = event;
    return {
      status: 'pending_review',
      documentId: data.documentId,
      customerId: data.customerId,
      type: data.type,
      evidenceKind: data.evidenceKind,
      file: data.file,
      channel: data.channel,
      relatedCustomerIds: data.relatedCustomerIds,
      submittedBy: data.submittedBy,
      submittedAt: data.submittedAt,
      reviewDueAt: data.reviewDueAt,
      reviews: [],
      facts: null,
      validUntil: null,
      rejection: null,
      claim: null,
      references: [],
      revocation: null,
      chip: null,

      holderMismatch: null,
      dispute: null,
    };
  }
  if (!isOnFile(state)) return state;
  switch (event.type) {
    case 'DocumentHeldForScan':
      return { ...state, status: 'pending_scan' };
    case 'DocumentScanCleared':
      return { ...state, status: 'pending_review', reviewDueAt: event.data.reviewDueAt };
    case 'DocumentFoundInfected': {
      const { reasonCode, message, foundAt } = event.data;
      return { ...state, status: 'rejected', rejection: { reasonCode, message, at: foundAt } };
    }
    case 'DocumentReviewed': {
      const { reviewer, decision, facts, reasonCode, message, reviewedAt } = event.data;
      const reviews = [...state.reviews, { reviewer, decision, facts, reasonCode, message, at: reviewedAt }];
      const status = decision === 'approve' ? 'awaiting_second_review' : state.status;
      return { ...state, reviews, status, claim: null };
    }
    case 'ChipReadingChecked': {
      const { documentId: _documentId, checkedAt: _checkedAt, ...chip } = event.data;
      return { ...state, chip };
    }
    case 'DocumentClaimed':
      return { ...state, claim: { by: event.data.claimedBy, until: event.data.until } };
    case 'DocumentClaimReleased':
      return { ...state, claim: null };
    case 'DocumentExpired':
      return { ...state, status: 'expired' };
    case 'DocumentReferenced': {
      const { referenceId, department, purpose, caseRef, referencedAt } = event.data;
      return { ...state, references: [...state.references, { id: referenceId, department, purpose, caseRef, at: referencedAt }] };
    }
    case 'ReferenceReleased':
      return { ...state, references: state.references.filter((reference) => reference.id !== event.data.referenceId) };
    case 'DocumentRevoked':
      return { ...state, status: 'revoked', revocation: { reason: event.data.reason, at: event.data.revokedAt } };
    case 'HolderMismatchFound':
      return { ...state, holderMismatch: { fields: event.data.fields, confirmation: null } };
    case 'HolderMismatchConfirmed': {
      const { fields, reason, confirmedBy, confirmedAt } = event.data;
      return { ...state, holderMismatch: { fields, confirmation: { by: confirmedBy, reason, at: confirmedAt } } };
    }
    case 'DocumentVerified':
      return { ...state, status: 'verified', facts: event.data.facts, validUntil: event.data.validUntil, dispute: null };
    case 'DocumentRejected': {
      const { reasonCode, message, rejectedAt } = event.data;
      return { ...state, status: 'rejected', rejection: { reasonCode, message, at: rejectedAt }, dispute: null };
    }
    case 'DocumentDisputed': {
      // A fresh round of review: the approvals that verified the disputed facts cannot also settle the dispute.
      const { fields, message, disputedBy, disputedAt, reviewDueAt } = event.data;
      return { ...state, status: 'pending_review', reviews: [], reviewDueAt, claim: null, dispute: { fields, message, by: disputedBy, at: disputedAt } };
    }
    case 'DocumentWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'DocumentErased':
      return erasedState(state);
    default:
      return assertNever(event);
  }
}

/** What is left once the customer is erased: the shape and the dates, nothing that says who they are. */
function erasedState(state: DocumentOnFile): DocumentOnFile {
  return {
    ...state,
    status: 'erased',
    file: { ...state.file, filename: null },
    facts: null,
    reviews: state.reviews.map((review) => ({ ...review, facts: {}, message: null })),
    rejection: null,
    claim: null,
    references: [],
    chip: state.chip ? { ...state.chip, facts: {} } : null,

    holderMismatch: state.holderMismatch && { fields: state.holderMismatch.fields, confirmation: null },
    dispute: state.dispute && { ...state.dispute, message: '' },
  };
}
