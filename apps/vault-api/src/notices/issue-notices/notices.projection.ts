import {
  CUSTOMER_STREAM_PREFIX,
  DOCUMENT_REQUEST_STREAM_PREFIX,
  DOCUMENT_STREAM_PREFIX,
  documentStream,
  type NoticeCause,
  type NoticeDraft,
  noticeFor,
  readCustomerRetentionEvent,
  readDocumentEvent,
  readDocumentRequestEvent,
  type SubmittedDocument,
} from '@kluis/document-domain';
import type { EventStore, RecordedEvent } from '@kluis/event-store';
import type { Projection } from '@kluis/read-models';

/** Older news is not told: a vault that starts issuing notices does not mail customers about its whole past. */
const NEWS_FOR_MS = 30 * 24 * 60 * 60 * 1000;

/** Events that name only their document: the customer and the type come from the document's first event. */
const NAMES_ONLY_THE_DOCUMENT = ['DocumentRejected', 'DocumentVerified', 'DocumentFoundInfected', 'DocumentRevoked'] as const;

export type Issue = (draft: NoticeDraft, cause: RecordedEvent) => Promise<void>;

/**
 * The notices process manager: it reads what happened to documents, asks and customers from the checkpointed
 * subscription, and issues what the customer must be told. It keeps no table: a notice's id comes from its cause, so
 * a replay after a crash issues nothing twice.
 */
export function noticesProjection(store: EventStore, now: () => Date, issue: Issue): Projection {
  const documentOf = async (documentId: string): Promise<SubmittedDocument | null> => {
    const { events } = await store.readStream(documentStream(documentId));
    const submitted = events.find((event) => event.type === 'DocumentSubmitted');
    if (!submitted) return null;
    const event = readDocumentEvent(submitted.type, submitted.version, submitted.data);
    return event.type === 'DocumentSubmitted' ? { customerId: event.data.customerId, type: event.data.type } : null;
  };
  return {
    name: 'notices',
    streamPrefixes: [DOCUMENT_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX],
    async apply(_trx, recorded) {
      if (now().getTime() - recorded.recordedAt.getTime() > NEWS_FOR_MS) return;
      const cause = { ...readCause(recorded), id: recorded.id } as NoticeCause;
      const needsDocument = (NAMES_ONLY_THE_DOCUMENT as readonly string[]).includes(cause.type);
      const draft = noticeFor(cause, needsDocument && 'documentId' in cause.data ? await documentOf(cause.data.documentId) : null);
      if (draft) await issue(draft, recorded);
    },
    async reset() {
      // Nothing to empty: what it did is in the customers' notice streams, which a rebuild leaves as they are.
    },
  };
}

function readCause(recorded: RecordedEvent) {
  if (recorded.stream.startsWith(DOCUMENT_REQUEST_STREAM_PREFIX)) return readDocumentRequestEvent(recorded.type, recorded.version, recorded.data);
  if (recorded.stream.startsWith(CUSTOMER_STREAM_PREFIX)) return readCustomerRetentionEvent(recorded.type, recorded.version, recorded.data);
  return readDocumentEvent(recorded.type, recorded.version, recorded.data);
}
