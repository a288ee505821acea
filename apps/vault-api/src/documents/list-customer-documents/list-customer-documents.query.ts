import { Query } from '@nestjs/cqrs';
import type { DocumentSummary } from '@kluis/read-models';

export class ListCustomerDocumentsQuery extends Query<DocumentSummary[]> {
  constructor(readonly customerId: string) {
    super();
  }
}
