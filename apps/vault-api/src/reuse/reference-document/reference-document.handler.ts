import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DocumentCommandsService } from '../../documents';
import { type ReferenceCreated, ReferenceDocumentCommand } from './reference-document.command';

@CommandHandler(ReferenceDocumentCommand)
export class ReferenceDocumentHandler implements ICommandHandler<ReferenceDocumentCommand, ReferenceCreated> {
  constructor(private readonly documents: DocumentCommandsService) {}

  async execute({ documentId, request, expectedRevision, principal, requestId }: ReferenceDocumentCommand): Promise<ReferenceCreated> {
    const referenceId = randomUUID();
    const { events } = await this.documents.changeAndTell({
      documentId,
      principal,
      action: 'reference',
      expectedRevision,
      requestId,
      command: (by) => ({ type: 'ReferenceDocument', documentId, referenceId, department: principal.department, purpose: request.purpose, caseRef: request.caseRef, by }),
    });
    const referenced = events.find((event) => event.type === 'DocumentReferenced');
    if (referenced?.type !== 'DocumentReferenced') throw new Error('a reference must record DocumentReferenced');
    const { department, purpose, caseRef, referencedAt } = referenced.data;
    return { id: referenced.data.referenceId, department, purpose, caseRef, createdAt: referencedAt };
  }
}
