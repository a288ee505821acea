import type { DocumentStatus } from '../document-type';

/**
 * A refusal by the domain. `kind` tells the edge how to answer (not found, conflict with the current state, or bad
 * input); `code` is stable for clients; `fields` name what was wrong.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'not_found' | 'conflict' | 'validation';
  readonly fields: readonly string[] = [];

  /** One entry per wrong field, for the client to show beside it. */
  fieldErrors(): { field: string; message: string }[] {
    return this.fields.map((field) => ({ field, message: this.message }));
  }
}

export class DocumentNotFound extends DomainError {
  readonly code = 'DOCUMENT.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('The document does not exist.');
  }
}

export class DocumentAlreadyExists extends DomainError {
  readonly code = 'DOCUMENT.ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor() {
    super('A document with this id already exists.');
  }
}

export class NotAwaitingReview extends DomainError {
  readonly code = 'DOCUMENT.NOT_AWAITING_REVIEW';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')} and cannot be reviewed.`);
  }
}

export class SameReviewerTwice extends DomainError {
  readonly code = 'DOCUMENT.ALREADY_REVIEWED_BY_YOU';
  readonly kind = 'conflict';
  constructor() {
    super('You already approved this document; a different reviewer must give the second approval.');
  }
}

export class OwnSubmission extends DomainError {
  readonly code = 'DOCUMENT.OWN_SUBMISSION';
  readonly kind = 'conflict';
  constructor() {
    super('You submitted this document, so you cannot review it.');
  }
}

/** Facts travel under `facts` in a review, so the fields are named as paths there. */
const factPaths = (names: readonly string[]) => names.map((name) => `facts.${name}`);

export class FactsMissing extends DomainError {
  readonly code = 'DOCUMENT.FACTS_MISSING';
  readonly kind = 'validation';
  override readonly fields: readonly string[];
  constructor(names: readonly string[]) {
    super(`Approval needs these facts: ${names.join(', ')}.`);
    this.fields = factPaths(names);
  }
}

export class FactsDiffer extends DomainError {
  readonly code = 'DOCUMENT.FACTS_DIFFER';
  readonly kind = 'conflict';
  override readonly fields: readonly string[];
  constructor(names: readonly string[]) {
    super(`The first reviewer read these facts differently: ${names.join(', ')}. Confirm them or reject.`);
    this.fields = factPaths(names);
  }
}

export class NotWithdrawable extends DomainError {
  readonly code = 'DOCUMENT.NOT_WITHDRAWABLE';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')} and cannot be withdrawn.`);
  }
}

export class ClaimedByOther extends DomainError {
  readonly code = 'DOCUMENT.CLAIMED_BY_ANOTHER_REVIEWER';
  readonly kind = 'conflict';
  constructor(
    readonly claimedBy: string,
    readonly until: string,
  ) {
    super(`${claimedBy} is working on this document until ${until}.`);
  }
}

export class MrzNotApplicable extends DomainError {
  readonly code = 'MRZ.NOT_APPLICABLE';
  readonly kind = 'validation';
  override readonly fields = ['mrz'];
  constructor(detail: string) {
    super(detail);
  }
}

/** A document whose validity has already ended is no evidence of anything, so it cannot become verified. */
export class ValidityEnded extends DomainError {
  readonly code = 'DOCUMENT.EXPIRED';
  readonly kind = 'conflict';
  override readonly fields: readonly string[];
  constructor(validUntil: string, field: string) {
    super(`This document was valid until ${validUntil}, so it cannot be verified. Reject it and ask the customer for a valid one.`);
    this.fields = factPaths([field]);
  }
}

/** The typed facts say one thing and the machine-readable zone another. */
export class FactsDisagreeWithMrz extends DomainError {
  readonly code = 'DOCUMENT.FACTS_DISAGREE_WITH_MRZ';
  readonly kind = 'validation';
  override readonly fields: readonly string[];
  constructor(private readonly mismatches: readonly { field: string; mrz: string; typed: string }[]) {
    super(`The machine-readable zone disagrees with ${mismatches.map((mismatch) => mismatch.field).join(', ')}.`);
    this.fields = factPaths(mismatches.map((mismatch) => mismatch.field));
  }

  override fieldErrors() {
    return this.mismatches.map((mismatch) => ({ field: `facts.${mismatch.field}`, message: `typed "${mismatch.typed}", the MRZ says "${mismatch.mrz}"` }));
  }
}

/** Departments rely on it: withdrawing it would pull the ground from under their cases. */
export class DocumentReliedUpon extends DomainError {
  readonly code = 'DOCUMENT.RELIED_UPON';
  readonly kind = 'conflict';
  constructor(readonly departments: readonly string[]) {
    super(`These departments rely on this document: ${departments.join(', ')}. Ask them to release it, or contact support.`);
  }
}

export class NotReliable extends DomainError {
  readonly code = 'DOCUMENT.NOT_RELIABLE';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')}; only a verified document can be relied on.`);
  }
}

export class ReferenceNotFound extends DomainError {
  readonly code = 'REFERENCE.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Your department has no such reference on this document.');
  }
}

export class NotRevocable extends DomainError {
  readonly code = 'DOCUMENT.NOT_REVOCABLE';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')} and cannot be revoked.`);
  }
}

/**
 * The holder differs from the customer's verified identity: whoever gives the approval that would verify it must
 * confirm the holder is the customer, and say why.
 */
export class HolderMismatchUnconfirmed extends DomainError {
  readonly code = 'DOCUMENT.HOLDER_MISMATCH';
  readonly kind = 'conflict';
  override readonly fields = ['holderMismatchReason'];
  constructor(readonly differing: readonly string[]) {
    super(
      `The ${differing.join(' and ')} on this document differ from the customer's verified identity document. ` +
        'Approve it only if you are sure the holder is the customer, and give your reason in holderMismatchReason; otherwise reject it.',
    );
  }
}

export class NotDisputable extends DomainError {
  readonly code = 'DOCUMENT.NOT_DISPUTABLE';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')}: only the facts of a verified document can be disputed.`);
  }
}

export class FactNotOnFile extends DomainError {
  readonly code = 'DOCUMENT.FACT_NOT_ON_FILE';
  readonly kind = 'validation';
  override readonly fields = ['fields'];
  constructor(names: readonly string[]) {
    super(`The bank read no such fact from this document: ${names.join(', ')}.`);
  }
}

/** The customer speaks for her own file; staff who think the facts are wrong revoke or review instead. */
export class DisputeByOthers extends DomainError {
  readonly code = 'DOCUMENT.DISPUTE_BY_CUSTOMER_ONLY';
  readonly kind = 'conflict';
  constructor() {
    super('Only the customer whose document it is can dispute its facts.');
  }
}
