import type { Facts } from '@kluis/document-domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService } from '../../documents/document-commands.service';
import type { DocumentView } from '../../documents/document.view';
import { ReviewDocumentCommand } from './review-document.command';

@CommandHandler(ReviewDocumentCommand)
export class ReviewDocumentHandler implements ICommandHandler<ReviewDocumentCommand, DocumentView> {
  constructor(private readonly documents: DocumentCommandsService) {}

  execute({ documentId, review, expectedRevision, principal, requestId }: ReviewDocumentCommand): Promise<DocumentView> {
    return this.documents.change({
      documentId,
      principal,
      action: 'read',
      expectedRevision,
      requestId,
      command: (by) =>
        review.decision === 'approve'
          ? { type: 'ApproveDocument', documentId, by, facts: { ...review.facts } as Facts, mrz: review.mrz }
          : { type: 'RejectDocument', documentId, by, reasonCode: review.reasonCode!, message: review.message! },
    });
  }
}
