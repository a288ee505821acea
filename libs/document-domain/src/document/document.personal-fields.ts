import type { PersonalFields } from '../aggregate';
import type { DocumentEvent } from './document.events';

/**
 * Names, document numbers, dates of birth and every other fact read from a document, the customer's filename, and
 * free text written about the customer (a reviewer's message, why a department relies on it, why it was revoked).
 * Staff write free text as they like, so it can name the customer or what they are involved in.
 */
export const DOCUMENT_PERSONAL_FIELDS: PersonalFields<DocumentEvent> = {
  DocumentSubmitted: [{ path: 'file.filename', absent: null }],
  DocumentHeldForScan: [],
  DocumentScanCleared: [],
  DocumentFoundInfected: [],
  ChipReadingChecked: [{ path: 'facts', absent: {} }],
  DocumentClaimed: [],
  DocumentClaimReleased: [],
  DocumentReviewed: [
    { path: 'facts', absent: {} },
    { path: 'message', absent: null },
  ],
  HolderMismatchFound: [],
  HolderMismatchConfirmed: [{ path: 'reason', absent: '' }],
  DocumentVerified: [{ path: 'facts', absent: {} }],
  DocumentRejected: [{ path: 'message', absent: '' }],
  DocumentExpired: [],
  DocumentWithdrawn: [],
  DocumentDisputed: [{ path: 'message', absent: '' }],
  DocumentReferenced: [
    { path: 'purpose', absent: '' },
    { path: 'caseRef', absent: '' },
  ],
  ReferenceReleased: [],
  DocumentRevoked: [{ path: 'reason', absent: '' }],
  DocumentErased: [],
};
