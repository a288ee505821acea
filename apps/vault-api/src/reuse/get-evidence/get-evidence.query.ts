import type { Principal } from '@kluis/auth';
import type { Assurance, EvidenceKind, Facts } from '@kluis/document-domain';
import { Query } from '@nestjs/cqrs';

export interface Evidence {
  readonly satisfied: boolean;
  readonly documentId?: string;
  readonly type?: string;
  readonly validUntil?: string | null;
  readonly facts?: Facts | null;
  readonly assurance?: Assurance;
  /** A document of the kind in review, so that nobody concludes that nothing is on file. */
  readonly pending?: { readonly documentId: string; readonly reviewDueAt: string };
}

export class GetEvidenceQuery extends Query<Evidence> {
  constructor(
    readonly customerId: string,
    readonly kind: EvidenceKind,
    readonly purpose: string | null,
    readonly minAssurance: Assurance,
    readonly principal: Principal,
    readonly requestId: string,
  ) {
    super();
  }
}
