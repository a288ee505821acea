import type { Actor, Decider, DomainEvent } from './domain-event';
import type { EvidenceKind } from './document-type';
import { eventReader } from './upcasting/event-reader';

/*
 * What the bank still needs from a customer: one ask per evidence kind at a time, shared by every department that
 * needs it. A stream per (customer, kind) holds its rounds: a round opens, departments join it, and the first
 * verified document of that kind closes it, whether it arrived before or after the ask.
 */

export interface Asker {
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  readonly at: string;
}

export type DocumentRequested = DomainEvent<
  'DocumentRequested',
  { requestId: string; customerId: string; kind: EvidenceKind; department: string; purpose: string; dueBy: string | null; requestedBy: Actor; requestedAt: string }
>;
export type DocumentRequestJoined = DomainEvent<
  'DocumentRequestJoined',
  { requestId: string; customerId: string; kind: EvidenceKind; department: string; purpose: string; dueBy: string | null; requestedBy: Actor; joinedAt: string }
>;
export type DocumentRequestSatisfied = DomainEvent<
  'DocumentRequestSatisfied',
  { requestId: string; customerId: string; kind: EvidenceKind; documentId: string; departments: string[]; satisfiedAt: string }
>;

export type DocumentRequestEvent = DocumentRequested | DocumentRequestJoined | DocumentRequestSatisfied;

export const DOCUMENT_REQUEST_EVENT_VERSIONS: Readonly<Record<DocumentRequestEvent['type'], number>> = {
  DocumentRequested: 1,
  DocumentRequestJoined: 1,
  DocumentRequestSatisfied: 1,
};

export const DOCUMENT_REQUEST_STREAM_PREFIX = 'document-request-';
export const documentRequestStream = (customerId: string, kind: EvidenceKind) => `${DOCUMENT_REQUEST_STREAM_PREFIX}${kind}-${customerId}`;

export interface RequestDocument {
  readonly type: 'RequestDocument';
  /** Used only when this ask opens a new round. */
  readonly newRequestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  readonly by: Actor;
}

/** Sent by the process manager whenever a document of the kind may have become verified. */
export interface SatisfyDocumentRequest {
  readonly type: 'SatisfyDocumentRequest';
  readonly documentId: string;
}

export type DocumentRequestCommand = RequestDocument | SatisfyDocumentRequest;

export interface OpenRequest {
  readonly requestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly askers: readonly Asker[];
  readonly openedAt: string;
}

export interface DocumentRequestState {
  readonly open: OpenRequest | null;
}

export function evolveRequest(state: DocumentRequestState, event: DocumentRequestEvent): DocumentRequestState {
  switch (event.type) {
    case 'DocumentRequested': {
      const { requestId, customerId, kind, department, purpose, dueBy, requestedAt } = event.data;
      return { open: { requestId, customerId, kind, askers: [{ department, purpose, dueBy, at: requestedAt }], openedAt: requestedAt } };
    }
    case 'DocumentRequestJoined': {
      if (!state.open) return state;
      const { department, purpose, dueBy, joinedAt } = event.data;
      return { open: { ...state.open, askers: [...state.open.askers, { department, purpose, dueBy, at: joinedAt }] } };
    }
    case 'DocumentRequestSatisfied':
      return { open: null };
  }
}

export function decideRequest(command: DocumentRequestCommand, state: DocumentRequestState, { now }: { now: Date }): DocumentRequestEvent[] {
  const at = now.toISOString();
  switch (command.type) {
    case 'RequestDocument': {
      const { customerId, kind, department, purpose, dueBy, by } = command;
      if (!state.open) {
        return [{ type: 'DocumentRequested', data: { requestId: command.newRequestId, customerId, kind, department, purpose, dueBy, requestedBy: by, requestedAt: at } }];
      }
      // One department asking twice still makes one ask: the customer is not asked more often.
      if (state.open.askers.some((asker) => asker.department === department)) return [];
      return [{ type: 'DocumentRequestJoined', data: { requestId: state.open.requestId, customerId, kind, department, purpose, dueBy, requestedBy: by, joinedAt: at } }];
    }
    case 'SatisfyDocumentRequest': {
      if (!state.open) return [];
      const { requestId, customerId, kind, askers } = state.open;
      const departments = [...new Set(askers.map((asker) => asker.department))];
      return [{ type: 'DocumentRequestSatisfied', data: { requestId, customerId, kind, documentId: command.documentId, departments, satisfiedAt: at } }];
    }
  }
}

export const documentRequestDecider: Decider<DocumentRequestCommand, DocumentRequestEvent, DocumentRequestState, { now: Date }> = {
  initialState: { open: null },
  decide: decideRequest,
  evolve: evolveRequest,
};

export const readDocumentRequestEvent = eventReader<DocumentRequestEvent>(DOCUMENT_REQUEST_EVENT_VERSIONS);
