import type { Principal } from '@kluis/auth';
import type { Asker } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';
import type { RequestDocumentRequest } from './request-document.request.dto';

interface AskBody {
  readonly id: string;
  readonly kind: string;
  readonly askers: readonly Asker[];
  readonly openedAt: string;
}

export type RequestAnswer =
  | { readonly status: 200; readonly body: { status: 'satisfied'; documentId: string } }
  | { readonly status: 200; readonly body: AskBody & { status: 'in_review'; documentId: string; reviewDueAt: string } }
  | { readonly status: 200 | 201; readonly body: AskBody & { status: 'open' } };

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
