import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { RequestDocumentRequest } from './request-document.request.dto';

export type RequestAnswer =
  | { readonly status: 200; readonly body: { status: 'satisfied'; documentId: string } }
  | { readonly status: 200 | 201; readonly body: { id: string; status: 'open'; kind: string; askers: readonly object[]; openedAt: string } };

export class RequestDocumentCommand extends Command<RequestAnswer> {
  constructor(
    readonly customerId: string,
    readonly request: RequestDocumentRequest,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}
