import type { DocumentEvent, DocumentEventType } from './document.events';
import { DOCUMENT_UPCASTERS } from './upcasting/document-upcasters';
import { eventReader } from './upcasting/event-reader';

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
  DocumentReferenced: 1,
  ReferenceReleased: 1,
  DocumentRevoked: 1,
  DocumentErased: 1,
};

/** Turns a stored document event of any known version into today's shape. Refuses what it does not know, loudly. */
export const readDocumentEvent = eventReader<DocumentEvent>(DOCUMENT_EVENT_VERSIONS, DOCUMENT_UPCASTERS);
