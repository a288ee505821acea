import { assertNever } from '../assert-never';
import type { Actor } from '../domain-event';
import type { EvidenceKind } from '../document-type';
import type { DocumentRequestEvent } from './document-request.events';

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
    default:
      return assertNever(event);
  }
}

