import { Query } from '@nestjs/cqrs';
import type { DocumentType } from '@kluis/document-domain';
import type { DocumentSummary } from '@kluis/read-models';

export class ListCustomerDocumentsQuery extends Query<DocumentSummary[]> {
  constructor(
    readonly customerId: string,
    /** Only these types; every type when undefined. */
    readonly types?: readonly DocumentType[],
  ) {
    super();
  }
}
