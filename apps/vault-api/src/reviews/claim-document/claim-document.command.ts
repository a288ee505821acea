import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { DocumentView } from '../../documents';

/** Take a document from the queue (`claim`), or put it back (`release`). */
export class ClaimDocumentCommand extends Command<DocumentView> {
  constructor(
    readonly documentId: string,
    readonly intent: 'claim' | 'release',
    readonly expectedRevision: number | undefined,
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}
