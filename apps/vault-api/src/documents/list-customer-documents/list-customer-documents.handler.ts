import { type DocumentSummary, listCustomerDocuments, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { ListCustomerDocumentsQuery } from './list-customer-documents.query';

@QueryHandler(ListCustomerDocumentsQuery)
export class ListCustomerDocumentsHandler implements IQueryHandler<ListCustomerDocumentsQuery, DocumentSummary[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  execute(query: ListCustomerDocumentsQuery): Promise<DocumentSummary[]> {
    return listCustomerDocuments(this.db, query.customerId, { types: query.types });
  }
}
