import type { Principal } from '@kluis/auth';
import type { Asker, EvidenceKind } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';

export interface Ask {
  readonly id: string;
  readonly kind: string;
  readonly askers: readonly Asker[];
  readonly openedAt: string;
}

/** What came of a department's ask: answered from what is on file, waiting on a document in review, or open. */
export type RequestAnswer =
  | { readonly status: 'satisfied'; readonly documentId: string }
  | (Ask & { readonly status: 'in_review'; readonly documentId: string; readonly reviewDueAt: string })
  | (Ask & { readonly status: 'open'; readonly opened: boolean });

/** What a department asks for, why, and by when it needs it. */
export interface DocumentAsk {
  readonly kind: EvidenceKind;
  readonly purpose: string;
  readonly dueBy?: string;
}

export class RequestDocumentCommand extends Command<RequestAnswer> {
  constructor(
    readonly customerId: string,
    readonly request: DocumentAsk,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}
