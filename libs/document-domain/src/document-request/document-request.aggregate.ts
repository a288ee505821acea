import { defineAggregate } from '../aggregate';
import type { EvidenceKind } from '../document-type';
import type { DocumentRequestCommand } from './document-request.commands';
import { documentRequestDecider } from './document-request.decide';
import { DOCUMENT_REQUEST_EVENT_VERSIONS, DOCUMENT_REQUEST_STREAM_PREFIX, type DocumentRequestEvent } from './document-request.events';
import { DOCUMENT_REQUEST_PERSONAL_FIELDS } from './document-request.personal-fields';
import type { DocumentRequestState } from './document-request.state';
import { DOCUMENT_REQUEST_UPCASTERS } from './document-request.upcasters';

/** One stream per customer and evidence kind: one ask per kind at a time. */
export const documentRequestAggregate = defineAggregate<DocumentRequestCommand, DocumentRequestEvent, DocumentRequestState, { now: Date }>({
  name: 'document-request',
  streamPrefix: DOCUMENT_REQUEST_STREAM_PREFIX,
  decider: documentRequestDecider,
  eventVersions: DOCUMENT_REQUEST_EVENT_VERSIONS,
  upcasters: DOCUMENT_REQUEST_UPCASTERS,
  personalFields: DOCUMENT_REQUEST_PERSONAL_FIELDS,
});

/** The id of the one ask stream for a customer and evidence kind. */
export const documentRequestId = (customerId: string, kind: EvidenceKind) => `${kind}-${customerId}`;

export const readDocumentRequestEvent = documentRequestAggregate.read;
