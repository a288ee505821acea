import { DomainError } from '../document/document.errors';

/** Why records must be kept; named in every refusal so the customer can check it. */
export const AML_RETENTION_LAW = 'Wwft article 33';

const lawSays = (years: number) =>
  `The Dutch anti-money-laundering act (${AML_RETENTION_LAW}) obliges the bank to keep your records for ${years} years after the business relationship ends.`;

/**
 * What the customer is told stands in the way of an erasure: a relationship that has not ended (its clock has not
 * started), a clock still running, or, past the clock, only that the records are still kept. A legal hold is never
 * named: it may guard an investigation the customer must not be tipped off about (Wwft article 23).
 */
export type ErasureGround = 'relationship-active' | 'retention-period' | 'kept-for-now';

export class ErasureRefused extends DomainError {
  readonly code = 'CUSTOMER.ERASURE_REFUSED';
  readonly kind = 'conflict';
  readonly legalBasis = AML_RETENTION_LAW;
  constructor(
    readonly ground: ErasureGround,
    readonly retentionYears: number,
    readonly retainedUntil: string | null,
  ) {
    super(
      ground === 'relationship-active'
        ? `${lawSays(retentionYears)} Your relationship with the bank has not ended, so that period has not started yet.`
        : ground === 'retention-period'
          ? `${lawSays(retentionYears)} Your records are kept until ${retainedUntil} and erased after that day.`
          : `${lawSays(retentionYears)} The bank must keep your records for now; they are erased as soon as it no longer has to.`,
    );
  }
}

export class CustomerAlreadyErased extends DomainError {
  readonly code = 'CUSTOMER.ERASED';
  readonly kind = 'conflict';
  constructor() {
    super('This customer was erased: nothing can be recorded for them any more.');
  }
}

export class RelationshipNotActive extends DomainError {
  readonly code = 'CUSTOMER.RELATIONSHIP_NOT_ACTIVE';
  readonly kind = 'conflict';
  constructor(readonly status: 'prospect' | 'ended') {
    super(status === 'prospect' ? 'No business relationship was started with this customer.' : 'The business relationship has already ended.');
  }
}

export class InvalidRelationshipEnd extends DomainError {
  readonly code = 'CUSTOMER.INVALID_RELATIONSHIP_END';
  readonly kind = 'validation';
  override readonly fields = ['endedOn'];
  constructor(detail: string) {
    super(detail);
  }
}

export class LegalHoldNotFound extends DomainError {
  readonly code = 'LEGAL_HOLD.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('There is no such legal hold on this customer.');
  }
}
