import { type DocumentCommand, type DocumentEvent, type DocumentOnFile, type DocumentVerified, type DocumentTypeCatalogue, type Facts, decide } from '@kluis/document-domain';
import { knownHolders, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService, DocumentReader, type DocumentView } from '../../documents';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { DOCUMENT_CATALOGUE, READ_MODEL_DB } from '../../infrastructure/tokens';
import { IdentityNumberRegistry } from './identity-number-registry';
import { ReviewDocumentCommand } from './review-document.command';

@CommandHandler(ReviewDocumentCommand)
export class ReviewDocumentHandler implements ICommandHandler<ReviewDocumentCommand, DocumentView> {
  constructor(
    private readonly documents: DocumentCommandsService,
    private readonly reader: DocumentReader,
    private readonly identityNumbers: IdentityNumberRegistry,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
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
      beforeChange: (document, command, now) => this.reserveNumberIfVerifying(document, command, now, principal, requestId),
    });
  }

  /** The holders the customer's verified identity documents name; the change itself checks who may see the file. */
  private async holdersOnFile(documentId: string) {
    const current = await this.reader.load(documentId);
    return current?.state.evidenceKind === 'identity' ? knownHolders(this.db, current.state.customerId) : [];
  }

  /**
   * An approval that would verify an identity document first takes its number for the customer. Deciding ahead is
   * pure and the change runs on the same revision, so it verifies exactly when this says so; a refusal it would meet
   * is left for the change itself to give.
   */
  private async reserveNumberIfVerifying(document: DocumentOnFile, command: DocumentCommand, now: Date, principal: ReviewDocumentCommand['principal'], requestId: string) {
    if (command.type !== 'ApproveDocument' || document.evidenceKind !== 'identity') return;
    let events: DocumentEvent[];
    try {
      events = decide(command, document, { now, catalogue: this.catalogue, mrzSpecimens: this.config.mrzSpecimens });
    } catch {
      return;
    }
    const verified = events.find((event): event is DocumentVerified => event.type === 'DocumentVerified');
    if (verified) await this.identityNumbers.reserve(verified.data.facts, { customerId: document.customerId, documentId: document.documentId }, command.by, principal, requestId);
  }
}
