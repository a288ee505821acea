import type { Actor, DomainEvent } from '../domain-event';
import type { EvidenceKind } from '../document-type';

/*
 * What the bank still needs from a customer: one ask per evidence kind at a time, shared by every department that
 * needs it. A stream per (customer, kind) holds its rounds: a round opens, departments join it, and the first
 * verified document of that kind closes it, whether it arrived before or after the ask. A round that opens while a
 * document of the kind is in review asks the customer nothing: it waits on that document, and only its rejection
 * turns the round into an ask to the customer.
 */

export type DocumentRequested = DomainEvent<
  'DocumentRequested',
  { requestId: string; customerId: string; kind: EvidenceKind; department: string; purpose: string; dueBy: string | null; requestedBy: Actor; requestedAt: string }
>;
/** A round opened while a document of the kind is in review: the customer is asked nothing. */
export type DocumentRequestAwaitingReview = DomainEvent<
  'DocumentRequestAwaitingReview',
  {
    requestId: string;
    customerId: string;
    kind: EvidenceKind;
    documentId: string;
    reviewDueAt: string;
    department: string;
    purpose: string;
    dueBy: string | null;
    requestedBy: Actor;
    requestedAt: string;
  }
>;
export type DocumentRequestJoined = DomainEvent<
  'DocumentRequestJoined',
  { requestId: string; customerId: string; kind: EvidenceKind; department: string; purpose: string; dueBy: string | null; requestedBy: Actor; joinedAt: string }
>;
/** The document a round waited on was rejected: now, and only now, the customer is asked, and told why. */
export type DocumentRequestSentToCustomer = DomainEvent<
  'DocumentRequestSentToCustomer',
  {
    requestId: string;
    customerId: string;
    kind: EvidenceKind;
    rejectedDocumentId: string;
    reasonCode: string;
    message: string;
    departments: string[];
    dueBy: string | null;
    sentAt: string;
  }
>;
export type DocumentRequestSatisfied = DomainEvent<
  'DocumentRequestSatisfied',
  { requestId: string; customerId: string; kind: EvidenceKind; documentId: string; departments: string[]; satisfiedAt: string }
>;
export type EscalationProposed = DomainEvent<
  'EscalationProposed',
  { requestId: string; customerId: string; kind: EvidenceKind; escalationId: string; department: string; action: string; purpose: string; proposedBy: Actor; proposedAt: string }
>;
/** A second officer confirmed the escalation: the department may act, and the customer is told. */
export type EscalationConfirmed = DomainEvent<
  'EscalationConfirmed',
  { requestId: string; customerId: string; kind: EvidenceKind; escalationId: string; department: string; action: string; purpose: string; confirmedBy: Actor; confirmedAt: string }
>;

export type DocumentRequestEvent =
  | DocumentRequested
  | DocumentRequestAwaitingReview
  | DocumentRequestJoined
  | DocumentRequestSentToCustomer
  | DocumentRequestSatisfied
  | EscalationProposed
  | EscalationConfirmed;

export const DOCUMENT_REQUEST_EVENT_VERSIONS: Readonly<Record<DocumentRequestEvent['type'], number>> = {
  DocumentRequested: 1,
  DocumentRequestAwaitingReview: 1,
  DocumentRequestJoined: 1,
  DocumentRequestSentToCustomer: 1,
  DocumentRequestSatisfied: 1,
  EscalationProposed: 1,
  EscalationConfirmed: 1,
};

export const DOCUMENT_REQUEST_STREAM_PREFIX = 'document-request-';
