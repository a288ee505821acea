import type { Principal } from '@kluis/auth';
import type { Channel, DocumentType } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';
import type { Viewer } from '../../shared/access/viewer';
import type { DocumentView } from '../document.view';
import type { ReceivedUpload } from './upload-receiver';

export interface SubmitOutcome {
  /** 201 for a new document, 200 when these bytes were already on file. */
  readonly status: 200 | 201;
  readonly document: DocumentView;
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
    readonly viewer: Viewer,
    readonly requestId: string,
  ) {
    super();
  }
}
