import type { Decider } from '../domain-event';
import { earliestDueDate } from '../due-dates';
import { DOCUMENT_ON_FILE, escalationHindrances } from './document-request-escalation';
import type { DocumentRequestCommand } from './document-request.commands';
import { EscalationNeedsSecondOfficer, EscalationNotFound, EscalationRefused } from './document-request.errors';
import type { DocumentRequestEvent } from './document-request.events';
import { evolveRequest, type DocumentRequestState, type OpenRequest } from './document-request.state';

const departmentsOf = (open: OpenRequest) => [...new Set(open.askers.map((asker) => asker.department))];
const earliestDueBy = (open: OpenRequest) => earliestDueDate(open.askers.map((asker) => asker.dueBy));

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
