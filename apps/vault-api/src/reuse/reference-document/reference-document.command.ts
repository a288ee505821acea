import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { ReferenceDocumentRequest } from './reference-document.request.dto';

export interface ReferenceCreated {
  readonly id: string;
  readonly department: string;
  readonly purpose: string;
  readonly caseRef: string;
  readonly createdAt: string;
}

export class ReferenceDocumentCommand extends Command<ReferenceCreated> {
  constructor(
    readonly documentId: string,
    readonly request: ReferenceDocumentRequest,
    readonly expectedRevision: number | undefined,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}
