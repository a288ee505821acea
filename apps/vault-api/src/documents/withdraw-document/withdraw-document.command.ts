import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { DocumentView } from '../document.view';

export class WithdrawDocumentCommand extends Command<DocumentView> {
  constructor(
    readonly documentId: string,
    readonly expectedRevision: number | undefined,
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}
