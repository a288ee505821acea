import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService } from '../document-commands.service';
import type { DocumentView } from '../document.view';
import { RevokeDocumentCommand } from './revoke-document.command';

@CommandHandler(RevokeDocumentCommand)
export class RevokeDocumentHandler implements ICommandHandler<RevokeDocumentCommand, DocumentView> {
  constructor(private readonly documents: DocumentCommandsService) {}

  execute({ documentId, reason, expectedRevision, principal, requestId }: RevokeDocumentCommand): Promise<DocumentView> {
    return this.documents.change({
      documentId,
      principal,
      action: 'revoke',
      expectedRevision,
      requestId,
      command: (by) => ({ type: 'RevokeDocument', documentId, reason, by }),
    });
  }
}
