import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService } from '../document-commands.service';
import type { DocumentView } from '../document.view';
import { WithdrawDocumentCommand } from './withdraw-document.command';

@CommandHandler(WithdrawDocumentCommand)
export class WithdrawDocumentHandler implements ICommandHandler<WithdrawDocumentCommand, DocumentView> {
  constructor(private readonly documents: DocumentCommandsService) {}

  execute(command: WithdrawDocumentCommand): Promise<DocumentView> {
    return this.documents.change({
      documentId: command.documentId,
      principal: command.principal,
      action: 'withdraw',
      expectedRevision: command.expectedRevision,
      requestId: command.requestId,
      command: (by) => ({ type: 'WithdrawDocument', documentId: command.documentId, by }),
    });
  }
}
