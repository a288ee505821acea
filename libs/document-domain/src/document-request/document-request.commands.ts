import type { Actor } from '../domain-event';
import type { EvidenceKind } from '../document-type';
import type { EscalationFacts } from './document-request-escalation';
import type { PendingDocument } from './document-request.state';

export interface RequestDocument {
  readonly type: 'RequestDocument';
  /** Used only when this ask opens a new round. */
  readonly newRequestId: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  /** A document of the kind in review right now, if any: a new round waits on it instead of asking the customer. */
  readonly pending: PendingDocument | null;
  readonly by: Actor;
}

/** Sent by the process manager whenever a document of the kind may have become verified. */
export interface SatisfyDocumentRequest {
  readonly type: 'SatisfyDocumentRequest';
  readonly documentId: string;
}

/** Sent by the process manager when a document of the kind was rejected. */
export interface AskAfterRejection {
  readonly type: 'AskAfterRejection';
  readonly documentId: string;
  readonly reasonCode: string;
  readonly message: string;
}

export interface ProposeEscalation {
  readonly type: 'ProposeEscalation';
  readonly requestId: string;
  readonly escalationId: string;
  readonly department: string;
  readonly action: string;
  readonly purpose: string;
  readonly by: Actor;
  /** What the vault knows outside this stream: documents in review or verified, and the notices sent. */
  readonly facts: Omit<EscalationFacts, 'askStillOpen' | 'dueBy'>;
}

export interface ConfirmEscalation {
  readonly type: 'ConfirmEscalation';
  readonly requestId: string;
  readonly escalationId: string;
  readonly department: string;
  readonly by: Actor;
  /** A document of the kind arrived in review or was verified since the escalation was proposed. */
  readonly documentOnFile: boolean;
}

export type DocumentRequestCommand = RequestDocument | SatisfyDocumentRequest | AskAfterRejection | ProposeEscalation | ConfirmEscalation;
