import type { Principal } from '@kluis/auth';
import type { Channel, DocumentOnFile, DocumentType } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';
import type { ReceivedUpload } from './upload-receiver';

export interface SubmitOutcome {
  /** False when these bytes were already on file as this document. */
  readonly created: boolean;
  readonly document: DocumentOnFile;
  readonly revision: number;
  /** False when the upload turned out to be a duplicate, so its blob can go. */
  readonly blobUsed: boolean;
}

export class SubmitDocumentCommand extends Command<SubmitOutcome> {
  constructor(
    readonly documentId: string,
    readonly customerId: string,
    readonly documentType: DocumentType,
    readonly channel: Channel,
    readonly relatedCustomerIds: readonly string[],
    readonly upload: ReceivedUpload,
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}
