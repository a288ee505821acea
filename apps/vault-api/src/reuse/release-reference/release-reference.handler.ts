import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentCommandsService } from '../../documents';
import { ReleaseReferenceCommand } from './release-reference.command';

@CommandHandler(ReleaseReferenceCommand)
export class ReleaseReferenceHandler implements ICommandHandler<ReleaseReferenceCommand, void> {
  constructor(private readonly documents: DocumentCommandsService) {}

  async execute({ documentId, referenceId, principal, requestId }: ReleaseReferenceCommand): Promise<void> {
    await this.documents.change({
      documentId,
      principal,
      action: 'reference',
      expectedRevision: undefined,
      requestId,
      command: (by) => ({ type: 'ReleaseReference', documentId, referenceId, department: principal.department, by }),
    });
  }
}
