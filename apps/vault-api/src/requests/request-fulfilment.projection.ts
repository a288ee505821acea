import {
  assertNever,
  DOCUMENT_REQUEST_STREAM_PREFIX,
  DOCUMENT_STREAM_PREFIX,
  type DocumentEvent,
  type DocumentRequestEvent,
  type EvidenceKind,
  outlastsDueDate,
  readDocumentEvent,
  readDocumentRequestEvent,
} from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import {
  closeAsk,
  findFulfilmentDocument,
  findOpenAsk,
  forgetFulfilmentState,
  openAsk,
  type Projection,
  type ReadModelSchema,
  rememberFulfilmentDocument,
  setFulfilmentDocumentStatus,
  verifiedFulfilmentDocuments,
} from '@kluis/read-models';
import type { Transaction } from 'kysely';

type Trx = Transaction<ReadModelSchema>;

/** What the process manager asks to happen; carried out by the caller, and harmless to repeat. */
export type Satisfy = (ask: { customerId: string; kind: EvidenceKind; documentId: string; cause: RecordedEvent }) => Promise<void>;
/** Asks the customer when the document an ask waited on was rejected; the request aggregate ignores any other. */
export type AskAfterRejection = (ask: { customerId: string; kind: EvidenceKind; documentId: string; reasonCode: string; message: string; cause: RecordedEvent }) => Promise<void>;

interface Effects {
  readonly satisfy: Satisfy;
  readonly askAfterRejection: AskAfterRejection;
}

/**
 * Request fulfilment, the process manager that makes arrival order irrelevant: an ask is satisfied by the first
 * verified document of its kind, whether the document was verified before the ask (seen when the ask arrives) or
 * after it (seen when the verification arrives). A document satisfies an ask only if it is still valid after the
 * ask's due date, so a replacement is never satisfied by the document it replaces. An ask waiting on a document in
 * review turns into an ask to the customer when that document is rejected. Its memory lives beside its checkpoint;
 * its effects are commands the request aggregate ignores when there is nothing left to do, so replays after a crash
 * change nothing.
 */
export function requestFulfilmentProjection(today: () => string, effects: Effects): Projection {
  return {
    name: 'request-fulfilment',
    streamPrefixes: [DOCUMENT_STREAM_PREFIX],
    async apply(trx, recorded) {
      if (recorded.stream.startsWith(DOCUMENT_REQUEST_STREAM_PREFIX)) {
        await onRequestEvent(trx, readDocumentRequestEvent(recorded.type, recorded.version, recorded.data), recorded, today(), effects.satisfy);
      } else {
        await onDocumentEvent(trx, readDocumentEvent(recorded.type, recorded.version, recorded.data), recorded, effects);
      }
    },
    reset: forgetFulfilmentState,
  };
}

async function onDocumentEvent(trx: Trx, event: DocumentEvent, recorded: RecordedEvent, { satisfy, askAfterRejection }: Effects): Promise<void> {
  switch (event.type) {
    case 'DocumentSubmitted': {
      const { documentId, customerId, evidenceKind } = event.data;
      if (!evidenceKind) return;
      return rememberFulfilmentDocument(trx, { document_id: documentId, customer_id: customerId, kind: evidenceKind });
    }
    case 'DocumentVerified': {
      const document = await findFulfilmentDocument(trx, event.data.documentId);
      if (!document) return;
      await setFulfilmentDocumentStatus(trx, document.document_id, 'verified', event.data.validUntil);
      const open = await findOpenAsk(trx, document.customer_id, document.kind);
      if (!open) return;
      const ask = { customerId: document.customer_id, kind: document.kind as EvidenceKind, documentId: document.document_id, cause: recorded };
      if (outlastsDueDate(event.data.validUntil, open.due_by)) return satisfy(ask);
      // Verified, but lapsing before it is needed: an ask that waited on it must now ask the customer.
      return askAfterRejection({ ...ask, reasonCode: 'VALID_TOO_SHORT', message: `It is valid only until ${event.data.validUntil}, before the date it is needed by.` });
    }
    case 'DocumentRejected':
    case 'DocumentFoundInfected':
    case 'DocumentWithdrawn': {
      const { documentId } = event.data;
      const why = event.type === 'DocumentWithdrawn' ? { reasonCode: 'WITHDRAWN', message: 'It was withdrawn before it was checked.' } : { reasonCode: event.data.reasonCode, message: event.data.message };
      await setFulfilmentDocumentStatus(trx, documentId, event.type === 'DocumentWithdrawn' ? event.type : 'DocumentRejected');
      const document = await findFulfilmentDocument(trx, documentId);
      if (document && (await findOpenAsk(trx, document.customer_id, document.kind))) {
        await askAfterRejection({ customerId: document.customer_id, kind: document.kind as EvidenceKind, documentId, ...why, cause: recorded });
      }
      return;
    }
    case 'DocumentExpired':
    case 'DocumentRevoked':
    case 'DocumentErased':
      return setFulfilmentDocumentStatus(trx, event.data.documentId, event.type);
    // Checked again, it answers no new ask until a reviewer has settled the dispute; asks it answered stay answered.
    case 'DocumentDisputed':
      return setFulfilmentDocumentStatus(trx, event.data.documentId, 'pending');
    // Steps on the way to a verdict, and who relies on a document, change nothing an ask waits for.
    case 'DocumentHeldForScan':
    case 'DocumentScanCleared':
    case 'ChipReadingChecked':
    case 'DocumentClaimed':
    case 'DocumentClaimReleased':
    case 'DocumentReviewed':
    case 'HolderMismatchFound':
    case 'HolderMismatchConfirmed':
    case 'DocumentReferenced':
    case 'ReferenceReleased':
      return;
    default:
      return assertNever(event);
  }
}

async function onRequestEvent(trx: Trx, event: DocumentRequestEvent, recorded: RecordedEvent, today: string, satisfy: Satisfy): Promise<void> {
  const { customerId, kind } = event.data;
  switch (event.type) {
    case 'DocumentRequested':
    case 'DocumentRequestAwaitingReview': {
      await openAsk(trx, { customer_id: customerId, kind, request_id: event.data.requestId, due_by: event.data.dueBy });
      const verified = await verifiedFulfilmentDocuments(trx, customerId, kind, today);
      const onFile = verified.find((document) => outlastsDueDate(document.valid_until, event.data.dueBy));
      if (onFile) await satisfy({ customerId, kind, documentId: onFile.document_id, cause: recorded });
      return;
    }
    case 'DocumentRequestSatisfied':
      return closeAsk(trx, { customer_id: customerId, kind, request_id: event.data.requestId });
    // Another asker, a second ask to the customer or an escalation leaves the same ask open for the same kind.
    case 'DocumentRequestJoined':
    case 'DocumentRequestSentToCustomer':
    case 'EscalationProposed':
    case 'EscalationConfirmed':
      return;
    default:
      return assertNever(event);
  }
}
