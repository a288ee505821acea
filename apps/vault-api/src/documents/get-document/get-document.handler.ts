import { Inject, Injectable } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { assertFileAccess } from '../../shared/access/customer-file-access';
import { notFound } from '../../shared/http/problem.exception';
import { DocumentReader, type LoadedDocument } from '../document-reader';
import { GetDocumentQuery } from './get-document.query';

@Injectable()
@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery, LoadedDocument> {
  constructor(
    private readonly reader: DocumentReader,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  async execute(query: GetDocumentQuery): Promise<LoadedDocument> {
    const loaded = await this.reader.load(query.documentId);
    if (!loaded) throw notFound();
    assertFileAccess(query.principal, { customerId: loaded.state.customerId, type: loaded.state.type }, query.action, this.config.departments);
    return loaded;
  }
}
