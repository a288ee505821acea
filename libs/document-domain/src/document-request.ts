import type { Actor, Decider, DomainEvent } from './domain-event';
import type { EvidenceKind } from './document-type';
import { DOCUMENT_ON_FILE, type EscalationFacts, escalationHindrances } from './document-request-escalation';
import { EscalationNeedsSecondOfficer, EscalationNotFound, EscalationRefused } from './document-request.errors';
import { eventReader } from './upcasting/event-reader';

/*
 * What the bank still needs from a customer: one ask per evidence kind at a time, shared by every department that
 * needs it. A stream per (customer, kind) holds its rounds: a round opens, departments join it, and the first
 * verified document of that kind closes it, whether it arrived before or after the ask. A round that opens while a
 * document of the kind is in review asks the customer nothing: it waits on that document, and only its rejection
 * turns the round into an ask to the customer.
 */

export interface Asker {
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  readonly at: string;
}

/** The document in review that a round waits on instead of asking the customer. */
export interface PendingDocument {
  readonly documentId: string;
  readonly reviewDueAt: string;
}

export interface Escalation {
  readonly escalationId: string;
  readonly department: string;
  readonly action: string;
  readonly purpose: string;
  readonly proposedBy: Actor;
  readonly confirmedBy: Actor | null;
}

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

export interface RequestDocument {
  readonly type: 'RequestDocument';
  /** Used only when this ask opens a new round. */
  readonly newRequestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  /** A document of the kind in review right now, if any: a new round waits on it instead of asking the customer. */
  readonly pending: PendingDocument | null;
  readonly by: Actor;
}

/** Sent by the process manager whenever a document of the kind may have become verified. */
export interface SatisfyDocumentRequest {
  readonly type: 'SatisfyDocumentRequest';
  readonly documentId: string;
}

/** Sent by the process manager when a document of the kind was rejected. */
export interface AskAfterRejection {
  readonly type: 'AskAfterRejection';
  readonly documentId: string;
  readonly reasonCode: string;
  readonly message: string;
}

export interface ProposeEscalation {
  readonly type: 'ProposeEscalation';
  readonly requestId: string;
  readonly escalationId: string;
  readonly department: string;
  readonly action: string;
  readonly purpose: string;
  readonly by: Actor;
  /** What the vault knows outside this stream: documents in review or verified, and the notices sent. */
  readonly facts: Omit<EscalationFacts, 'askStillOpen' | 'dueBy'>;
}

export interface ConfirmEscalation {
  readonly type: 'ConfirmEscalation';
  readonly requestId: string;
  readonly escalationId: string;
  readonly department: string;
  readonly by: Actor;
  /** A document of the kind arrived in review or was verified since the escalation was proposed. */
  readonly documentOnFile: boolean;
}

export type DocumentRequestCommand = RequestDocument | SatisfyDocumentRequest | AskAfterRejection | ProposeEscalation | ConfirmEscalation;

export interface OpenRequest {
  readonly requestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly askers: readonly Asker[];
  readonly openedAt: string;
  /** The document in review the round waits on; null once the customer has been asked. */
  readonly waitingOn: PendingDocument | null;
  readonly escalations: readonly Escalation[];
}

export interface DocumentRequestState {
  readonly open: OpenRequest | null;
}

const opened = (data: { requestId: string; customerId: string; kind: EvidenceKind; department: string; purpose: string; dueBy: string | null; requestedAt: string }, waitingOn: PendingDocument | null): OpenRequest => ({
  requestId: data.requestId,
  customerId: data.customerId,
  kind: data.kind,
  askers: [{ department: data.department, purpose: data.purpose, dueBy: data.dueBy, at: data.requestedAt }],
  openedAt: data.requestedAt,
  waitingOn,
  escalations: [],
});

export function evolveRequest(state: DocumentRequestState, event: DocumentRequestEvent): DocumentRequestState {
  switch (event.type) {
    case 'DocumentRequested':
      return { open: opened(event.data, null) };
    case 'DocumentRequestAwaitingReview':
      return { open: opened(event.data, { documentId: event.data.documentId, reviewDueAt: event.data.reviewDueAt }) };
    case 'DocumentRequestJoined': {
      if (!state.open) return state;
      const { department, purpose, dueBy, joinedAt } = event.data;
      return { open: { ...state.open, askers: [...state.open.askers, { department, purpose, dueBy, at: joinedAt }] } };
    }
    case 'DocumentRequestSentToCustomer':
      return state.open ? { open: { ...state.open, waitingOn: null } } : state;
    case 'DocumentRequestSatisfied':
      return { open: null };
    case 'EscalationProposed': {
      if (!state.open) return state;
      const { escalationId, department, action, purpose, proposedBy } = event.data;
      return { open: { ...state.open, escalations: [...state.open.escalations, { escalationId, department, action, purpose, proposedBy, confirmedBy: null }] } };
    }
    case 'EscalationConfirmed': {
      if (!state.open) return state;
      const escalations = state.open.escalations.map((escalation) => (escalation.escalationId === event.data.escalationId ? { ...escalation, confirmedBy: event.data.confirmedBy } : escalation));
      return { open: { ...state.open, escalations } };
    }
  }
}

const departmentsOf = (open: OpenRequest) => [...new Set(open.askers.map((asker) => asker.department))];
const earliestDueBy = (open: OpenRequest) => open.askers.map((asker) => asker.dueBy).filter((date): date is string => date !== null).sort()[0] ?? null;

export function decideRequest(command: DocumentRequestCommand, state: DocumentRequestState, { now }: { now: Date }): DocumentRequestEvent[] {
  const at = now.toISOString();
  switch (command.type) {
    case 'RequestDocument': {
      const { customerId, kind, department, purpose, dueBy, by, pending } = command;
      if (!state.open && pending) {
        return [{ type: 'DocumentRequestAwaitingReview', data: { requestId: command.newRequestId, customerId, kind, ...pending, department, purpose, dueBy, requestedBy: by, requestedAt: at } }];
      }
      if (!state.open) {
        return [{ type: 'DocumentRequested', data: { requestId: command.newRequestId, customerId, kind, department, purpose, dueBy, requestedBy: by, requestedAt: at } }];
      }
      // One department asking twice still makes one ask: the customer is not asked more often.
      if (state.open.askers.some((asker) => asker.department === department)) return [];
      return [{ type: 'DocumentRequestJoined', data: { requestId: state.open.requestId, customerId, kind, department, purpose, dueBy, requestedBy: by, joinedAt: at } }];
    }
    case 'SatisfyDocumentRequest': {
      if (!state.open) return [];
      const { requestId, customerId, kind } = state.open;
      return [{ type: 'DocumentRequestSatisfied', data: { requestId, customerId, kind, documentId: command.documentId, departments: departmentsOf(state.open), satisfiedAt: at } }];
    }
    case 'AskAfterRejection': {
      // Only the rejection of the very document the round waits on asks the customer; anything else changes nothing.
      if (state.open?.waitingOn?.documentId !== command.documentId) return [];
      const { requestId, customerId, kind } = state.open;
      const { documentId: rejectedDocumentId, reasonCode, message } = command;
      return [
        {
          type: 'DocumentRequestSentToCustomer',
          data: { requestId, customerId, kind, rejectedDocumentId, reasonCode, message, departments: departmentsOf(state.open), dueBy: earliestDueBy(state.open), sentAt: at },
        },
      ];
    }
    case 'ProposeEscalation': {
      const open = state.open?.requestId === command.requestId ? state.open : null;
      const asker = open?.askers.find((candidate) => candidate.department === command.department);
      const hindrances = escalationHindrances({ ...command.facts, askStillOpen: open !== null, dueBy: asker?.dueBy ?? null }, now);
      if (!open || hindrances.length > 0) throw new EscalationRefused(hindrances);
      const { escalationId, department, action, purpose, by } = command;
      return [{ type: 'EscalationProposed', data: { requestId: open.requestId, customerId: open.customerId, kind: open.kind, escalationId, department, action, purpose, proposedBy: by, proposedAt: at } }];
    }
    case 'ConfirmEscalation': {
      const open = state.open?.requestId === command.requestId ? state.open : null;
      const escalation = open?.escalations.find((candidate) => candidate.escalationId === command.escalationId && candidate.department === command.department);
      if (!open || !escalation) throw new EscalationNotFound();
      if (escalation.confirmedBy) return [];
      if (escalation.proposedBy.id === command.by.id) throw new EscalationNeedsSecondOfficer();
      // What the customer sent in the meantime stops the escalation before anyone acts on it.
      if (command.documentOnFile) throw new EscalationRefused([DOCUMENT_ON_FILE]);
      const { escalationId, department, action, purpose } = escalation;
      return [{ type: 'EscalationConfirmed', data: { requestId: open.requestId, customerId: open.customerId, kind: open.kind, escalationId, department, action, purpose, confirmedBy: command.by, confirmedAt: at } }];
    }
  }
}

export const documentRequestDecider: Decider<DocumentRequestCommand, DocumentRequestEvent, DocumentRequestState, { now: Date }> = {
  initialState: { open: null },
  decide: decideRequest,
  evolve: evolveRequest,
};

export const readDocumentRequestEvent = eventReader<DocumentRequestEvent>(DOCUMENT_REQUEST_EVENT_VERSIONS);
