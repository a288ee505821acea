import {
  DOCUMENT_REQUEST_EVENT_VERSIONS,
  DOCUMENT_REQUEST_STREAM_PREFIX,
  type DocumentRequestCommand,
  type DocumentRequestEvent,
  type DocumentRequestState,
  documentRequestDecider,
  type EvidenceKind,
  readDocumentRequestEvent,
} from '@kluis/document-domain';
import type { AggregateKind } from './command-runner';

/** Requests live in one stream per customer and kind; this is that stream's id. */
export const requestStreamId = (customerId: string, kind: EvidenceKind) => `${kind}-${customerId}`;

export const documentRequestKind: AggregateKind<DocumentRequestCommand, DocumentRequestEvent, DocumentRequestState, { now: Date }> = {
  decider: documentRequestDecider,
  streamName: (id) => `${DOCUMENT_REQUEST_STREAM_PREFIX}${id}`,
  read: (recorded) => readDocumentRequestEvent(recorded.type, recorded.version, recorded.data),
  schemaVersion: (event) => DOCUMENT_REQUEST_EVENT_VERSIONS[event.type],
};
