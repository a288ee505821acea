import type { Principal } from '@kluis/auth';
import { Query } from '@nestjs/cqrs';
import type { LoadedDocument } from '../document-reader';

/** A document the principal may see for `action`, or a 404/403 as the access rules say. */
export class GetDocumentQuery extends Query<LoadedDocument> {
  constructor(
    readonly documentId: string,
    readonly principal: Principal,
    readonly action: 'read' | 'content' | 'history' | 'withdraw',
    readonly requestId: string,
  ) {
    super();
  }
}
