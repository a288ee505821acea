import type { EvidenceKind } from '@kluis/document-domain';
import { Query } from '@nestjs/cqrs';
import type { RequestsView } from './request.view';

export class ListDocumentRequestsQuery extends Query<RequestsView> {
  constructor(
    readonly customerId: string,
    /** Only these kinds; every kind when undefined. */
    readonly kinds?: readonly EvidenceKind[],
  ) {
    super();
  }
}
