import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { DocumentView } from '../../documents';
import type { ReviewDocumentRequest } from './review-document.request.dto';

export class ReviewDocumentCommand extends Command<DocumentView> {
  constructor(
    readonly documentId: string,
    readonly review: ReviewDocumentRequest,
    readonly expectedRevision: number | undefined,
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}
