import type { Actor } from './domain-event';
import type { Channel, DocumentType } from './document-type';
import type { StoredFile } from './document.events';
import type { Facts } from './facts';

export interface SubmitDocument {
  readonly type: 'SubmitDocument';
  readonly documentId: string;
  readonly customerId: string;
  readonly documentType: DocumentType;
  readonly file: StoredFile;
  readonly channel: Channel;
  readonly relatedCustomerIds: readonly string[];
  readonly by: Actor;
}

export interface ApproveDocument {
  readonly type: 'ApproveDocument';
  readonly documentId: string;
  readonly facts: Facts;
  readonly by: Actor;
}

export interface RejectDocument {
  readonly type: 'RejectDocument';
  readonly documentId: string;
  readonly reasonCode: string;
  readonly message: string;
  readonly by: Actor;
}

export interface WithdrawDocument {
  readonly type: 'WithdrawDocument';
  readonly documentId: string;
  readonly by: Actor;
}

export type DocumentCommand = SubmitDocument | ApproveDocument | RejectDocument | WithdrawDocument;
