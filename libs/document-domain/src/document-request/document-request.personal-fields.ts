import type { PersonalFields } from '../aggregate';
import type { DocumentRequestEvent } from './document-request.events';

/** Why a department asks for a document, or escalates, and the rejection's wording the customer is sent: free text. */
export const DOCUMENT_REQUEST_PERSONAL_FIELDS: PersonalFields<DocumentRequestEvent> = {
  DocumentRequested: [{ path: 'purpose', absent: '' }],
  DocumentRequestAwaitingReview: [{ path: 'purpose', absent: '' }],
  DocumentRequestJoined: [{ path: 'purpose', absent: '' }],
  DocumentRequestSentToCustomer: [{ path: 'message', absent: '' }],
  DocumentRequestSatisfied: [],
  EscalationProposed: [{ path: 'purpose', absent: '' }],
  EscalationConfirmed: [{ path: 'purpose', absent: '' }],
};
