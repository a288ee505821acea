import { defineAggregate } from '../aggregate';
import type { DocumentCommand } from './document.commands';
import { type DocumentContext, documentDecider } from './document.decide';
import { DOCUMENT_EVENT_VERSIONS, DOCUMENT_STREAM_PREFIX, type DocumentEvent } from './document.events';
import { DOCUMENT_PERSONAL_FIELDS } from './document.personal-fields';
import type { DocumentState } from './document.state';
import { DOCUMENT_UPCASTERS } from './document.upcasters';

/** One stream per document, named by its id. */
export const documentAggregate = defineAggregate<DocumentCommand, DocumentEvent, DocumentState, DocumentContext>({
  name: 'document',
  streamPrefix: DOCUMENT_STREAM_PREFIX,
  decider: documentDecider,
  eventVersions: DOCUMENT_EVENT_VERSIONS,
  upcasters: DOCUMENT_UPCASTERS,
  personalFields: DOCUMENT_PERSONAL_FIELDS,
});

export const readDocumentEvent = documentAggregate.read;
