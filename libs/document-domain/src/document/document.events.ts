import type { ChipReadingChecked } from '../chip/chip-reading';
import type { Actor, DomainEvent } from '../domain-event';
import type { Channel, DocumentType, EvidenceKind } from '../document-type';
import type { Facts } from '../facts';
import type { HolderField } from '../holder-check';

/** Where the bytes are. `blobKey` is internal: it never leaves the vault in an API response. */
export interface StoredFile {
  readonly blobKey: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly filename: string | null;
}

export type DocumentSubmitted = DomainEvent<
  'DocumentSubmitted',
  {
    documentId: string;
    customerId: string;
    type: DocumentType;
    /** The evidence this document will provide once verified, as the catalogue said when it arrived. */
    evidenceKind: EvidenceKind | null;
    file: StoredFile;
    channel: Channel;
    relatedCustomerIds: string[];
    submittedBy: Actor;
    submittedAt: string;
    reviewDueAt: string;
  }
>;

/** The scanner could not give a verdict when the file arrived: it stays out of review until one is given. */
export type DocumentHeldForScan = DomainEvent<'DocumentHeldForScan', { documentId: string; heldAt: string }>;

/** The scanner found nothing: the review, and its deadline, start now. */
export type DocumentScanCleared = DomainEvent<'DocumentScanCleared', { documentId: string; clearedAt: string; reviewDueAt: string }>;

/** The scanner found malware in a held file. The file is removed (`removedBlobKey`); the record and its history stay. */
export type DocumentFoundInfected = DomainEvent<
  'DocumentFoundInfected',
  { documentId: string; signature: string; removedBlobKey: string; reasonCode: 'malware'; message: string; foundAt: string }
>;

export type DocumentReviewed = DomainEvent<
  'DocumentReviewed',
  {
    documentId: string;
    reviewer: Actor;
    decision: 'approve' | 'reject';
    facts: Facts;
    reasonCode: string | null;
    message: string | null;
    reviewedAt: string;
  }
>;

export type DocumentVerified = DomainEvent<
  'DocumentVerified',
  { documentId: string; facts: Facts; validUntil: string | null; verifiedAt: string }
>;

/**
 * The holder of a new identity document is not the holder the customer's verified identity documents name: it is
 * held for a second reviewer, and serves as evidence only once they confirm it with a reason.
 */
export type HolderMismatchFound = DomainEvent<'HolderMismatchFound', { documentId: string; fields: HolderField[]; foundAt: string }>;

/** A second reviewer confirmed that the holder is the customer although the fields differ, and said why. */
export type HolderMismatchConfirmed = DomainEvent<
  'HolderMismatchConfirmed',
  { documentId: string; fields: HolderField[]; reason: string; confirmedBy: Actor; confirmedAt: string }
>;

export type DocumentRejected = DomainEvent<
  'DocumentRejected',
  { documentId: string; reasonCode: string; message: string; rejectedBy: Actor; rejectedAt: string }
>;

export type DocumentDisputed = DomainEvent<
  'DocumentDisputed',
  { documentId: string; customerId: string; fields: readonly string[]; message: string; disputedBy: Actor; disputedAt: string; reviewDueAt: string }
>;

export type DocumentWithdrawn = DomainEvent<
  'DocumentWithdrawn',
  { documentId: string; withdrawnBy: Actor; withdrawnAt: string }
>;

/** A reviewer takes a document to work on it; others keep off it until the lease ends or it is released. */
export type DocumentClaimed = DomainEvent<'DocumentClaimed', { documentId: string; claimedBy: Actor; claimedAt: string; until: string }>;

export type DocumentClaimReleased = DomainEvent<'DocumentClaimReleased', { documentId: string; releasedBy: Actor; releasedAt: string }>;

/** Its validity ended. It stays on file, with its history: expiry is not retention. */
export type DocumentExpired = DomainEvent<'DocumentExpired', { documentId: string; validUntil: string; expiredAt: string }>;

/** A department relies on the document for a purpose and a case of its own. */
export type DocumentReferenced = DomainEvent<
  'DocumentReferenced',
  { documentId: string; customerId: string; referenceId: string; department: string; purpose: string; caseRef: string; referencedBy: Actor; referencedAt: string }
>;

export type ReferenceReleased = DomainEvent<'ReferenceReleased', { documentId: string; referenceId: string; department: string; releasedBy: Actor; releasedAt: string }>;

/** Support withdrew the bank's trust in it (fraud, a court order, an error): nobody may rely on it any more. */
export type DocumentRevoked = DomainEvent<'DocumentRevoked', { documentId: string; reason: string; revokedBy: Actor; revokedAt: string }>;

/**
 * The customer was erased (crypto-shredding): the history stays, the personal fields in it are unreadable, and the
 * document is gone for everyone, departments included.
 */
export type DocumentErased = DomainEvent<'DocumentErased', { documentId: string; customerId: string; reason: 'retention-ended' | 'prospect-request'; erasedAt: string }>;

export type DocumentEvent =
  | DocumentSubmitted
  | DocumentHeldForScan
  | DocumentScanCleared
  | DocumentFoundInfected
  | ChipReadingChecked
  | DocumentReferenced
  | ReferenceReleased
  | DocumentRevoked
  | DocumentClaimed
  | DocumentClaimReleased
  | DocumentReviewed
  | HolderMismatchFound
  | HolderMismatchConfirmed
  | DocumentVerified
  | DocumentRejected
  | DocumentExpired
  | DocumentWithdrawn
  | DocumentDisputed
  | DocumentErased;
export type DocumentEventType = DocumentEvent['type'];

export const documentStream = (documentId: string) => `document-${documentId}`;
export const DOCUMENT_STREAM_PREFIX = 'document-';
/** The schema version written for each event type today. Bump it together with an upcaster for the old one. */
export const DOCUMENT_EVENT_VERSIONS: Readonly<Record<DocumentEventType, number>> = {
  DocumentSubmitted: 2,
  DocumentHeldForScan: 1,
  DocumentScanCleared: 1,
  DocumentFoundInfected: 1,
  ChipReadingChecked: 1,
  DocumentClaimed: 1,
  DocumentClaimReleased: 1,
  DocumentReviewed: 1,
  HolderMismatchFound: 1,
  HolderMismatchConfirmed: 1,
  DocumentVerified: 1,
  DocumentRejected: 1,
  DocumentExpired: 1,
  DocumentWithdrawn: 1,
  DocumentDisputed: 1,
  DocumentReferenced: 1,
  ReferenceReleased: 1,
  DocumentRevoked: 1,
  DocumentErased: 1,
};

