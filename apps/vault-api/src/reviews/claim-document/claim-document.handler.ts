import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { DocumentCommandsService, type DocumentView } from '../../documents';
import { ClaimDocumentCommand } from './claim-document.command';

@CommandHandler(ClaimDocumentCommand)
export class ClaimDocumentHandler implements ICommandHandler<ClaimDocumentCommand, DocumentView> {
  constructor(
    private readonly documents: DocumentCommandsService,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  execute({ documentId, intent, expectedRevision, principal, requestId }: ClaimDocumentCommand): Promise<DocumentView> {
    return this.documents.change({
      documentId,
      principal,
      action: 'read',
      expectedRevision,
      requestId,
      command: (by) =>
        intent === 'claim'
          ? { type: 'ClaimDocument', documentId, by, leaseMinutes: this.config.reviewClaimMinutes }
          : { type: 'ReleaseClaim', documentId, by },
    });
  }
}
