import type { DocumentEvent, DocumentEventType } from './document.events';
import { DOCUMENT_EVENT_TYPES } from './document.events';
import { DOCUMENT_UPCASTERS } from './upcasting/document-upcasters';
import { upcast } from './upcasting/upcaster-chain';

/** The schema version written for each event type today. Bump it together with an upcaster for the old one. */
export const DOCUMENT_EVENT_VERSIONS: Readonly<Record<DocumentEventType, number>> = {
  DocumentSubmitted: 2,
  DocumentHeldForScan: 1,
  DocumentScanCleared: 1,
  DocumentFoundInfected: 1,
  DocumentClaimed: 1,
  DocumentClaimReleased: 1,
  DocumentReviewed: 1,
  DocumentVerified: 1,
  DocumentRejected: 1,
  DocumentExpired: 1,
  DocumentWithdrawn: 1,
  DocumentReferenced: 1,
  ReferenceReleased: 1,
  DocumentRevoked: 1,
  DocumentErased: 1,
};

export class UnknownEventSchema extends Error {
  readonly code = 'EVENT.UNKNOWN_SCHEMA';
  constructor(
    readonly type: string,
    readonly version: number,
  ) {
    super(`no reader for ${type} v${version}`);
  }
}

export const isDocumentEventType = (type: string): type is DocumentEventType =>
  (DOCUMENT_EVENT_TYPES as readonly string[]).includes(type);

/** Turns a stored event of any known version into today's shape. Refuses what it does not know, loudly. */
export function readDocumentEvent(type: string, version: number, data: object): DocumentEvent {
  if (!isDocumentEventType(type) || version < 1 || version > DOCUMENT_EVENT_VERSIONS[type]) {
    throw new UnknownEventSchema(type, version);
  }
  return { type, data: upcast(DOCUMENT_UPCASTERS, type, version, DOCUMENT_EVENT_VERSIONS[type], data as Readonly<Record<string, unknown>>) } as DocumentEvent;
}
