import {
  DOCUMENT_EVENT_VERSIONS,
  type DocumentCommand,
  type DocumentContext,
  type DocumentEvent,
  type DocumentState,
  documentDecider,
  documentStream,
  readDocumentEvent,
} from '@kluis/document-domain';
import type { AggregateKind } from './command-runner';

export const documentKind: AggregateKind<DocumentCommand, DocumentEvent, DocumentState, DocumentContext> = {
  decider: documentDecider,
  streamName: documentStream,
  read: (recorded) => readDocumentEvent(recorded.type, recorded.version, recorded.data),
  schemaVersion: (event) => DOCUMENT_EVENT_VERSIONS[event.type],
};
