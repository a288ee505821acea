import { documentAggregate, type DocumentTypeCatalogue } from '@kluis/document-domain';
import { findDocumentWithContent, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DOCUMENT_CATALOGUE } from '../../config/config-tokens';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { actorFor } from '../../shared/access/customer-file-access';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { DocumentReader } from '../document-reader';
import { SubmitDocumentCommand, type SubmitOutcome } from './submit-document.command';

@CommandHandler(SubmitDocumentCommand)
export class SubmitDocumentHandler implements ICommandHandler<SubmitDocumentCommand, SubmitOutcome> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    private readonly reader: DocumentReader,
  ) {}

  async execute(command: SubmitDocumentCommand): Promise<SubmitOutcome> {
    const duplicate = await findDocumentWithContent(this.db, command.customerId, command.documentType, command.upload.blob.sha256);
    if (duplicate) return this.existing(duplicate);
    const now = this.clock.now();
    const outcome = await this.pipeline.run(documentAggregate, command.documentId, {
      command: {
        type: 'SubmitDocument',
        documentId: command.documentId,
        customerId: command.customerId,
        documentType: command.documentType,
        file: {
          blobKey: command.upload.blob.key,
          sha256: command.upload.blob.sha256,
          size: command.upload.blob.size,
          mediaType: command.upload.mediaType,
          filename: command.upload.filename,
        },
        channel: command.channel,
        relatedCustomerIds: command.relatedCustomerIds,
        scan: command.upload.scan,
        by: actorFor(command.principal),
      },
      context: { now, catalogue: this.catalogue },
      metadata: metadataFor(command.principal, command.requestId, now),
    });
    if (outcome.state.status === 'none') throw new Error('a submitted document must be on file');
    return { created: true, document: outcome.state, revision: outcome.revision, blobUsed: true };
  }

  private async existing(documentId: string): Promise<SubmitOutcome> {
    const loaded = await this.reader.load(documentId);
    if (!loaded) throw new Error('a document found in the read model must have a stream');
    return { created: false, document: loaded.state, revision: loaded.revision, blobUsed: false };
  }
}
