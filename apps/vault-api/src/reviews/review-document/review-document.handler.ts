import type { Facts } from '@kluis/document-domain';
import { knownHolders, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService } from '../../documents/document-commands.service';
import type { DocumentView } from '../../documents/document.view';
import { DocumentReader } from '../../documents/document-reader';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { ReviewDocumentCommand } from './review-document.command';

@CommandHandler(ReviewDocumentCommand)
export class ReviewDocumentHandler implements ICommandHandler<ReviewDocumentCommand, DocumentView> {
  constructor(
    private readonly documents: DocumentCommandsService,
    private readonly reader: DocumentReader,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  async execute({ documentId, review, expectedRevision, principal, requestId }: ReviewDocumentCommand): Promise<DocumentView> {
    const holders = review.decision === 'approve' ? await this.holdersOnFile(documentId) : [];
    return this.documents.change({
      documentId,
      principal,
      action: 'read',
      expectedRevision,
      requestId,
      command: (by) =>
        review.decision === 'approve'
          ? { type: 'ApproveDocument', documentId, by, facts: { ...review.facts } as Facts, mrz: review.mrz, knownHolders: holders, holderMismatchReason: review.holderMismatchReason }
          : { type: 'RejectDocument', documentId, by, reasonCode: review.reasonCode!, message: review.message! },
    });
  }

  /** The holders the customer's verified identity documents name; the change itself checks who may see the file. */
  private async holdersOnFile(documentId: string) {
    const current = await this.reader.load(documentId);
    return current?.state.evidenceKind === 'identity' ? knownHolders(this.db, current.state.customerId) : [];
  }
}
