import { Injectable } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileAccess } from '../../access';
import { NotVisible } from '../../shared/access/policy/access.errors';
import { DocumentReader, type LoadedDocument } from '../document-reader';
import { GetDocumentQuery } from './get-document.query';

@Injectable()
@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery, LoadedDocument> {
  constructor(
    private readonly reader: DocumentReader,
    private readonly access: FileAccess,
  ) {}

  async execute(query: GetDocumentQuery): Promise<LoadedDocument> {
    const loaded = await this.reader.load(query.documentId);
    if (!loaded) throw new NotVisible();
    const { customerId, type, documentId } = loaded.state;
    await this.access.assert(query.principal, { customerId, type, documentId }, query.action, query.requestId);
    return loaded;
  }
}
