import type { DocumentStatus } from './document-type';

/**
 * A refusal by the domain. `kind` tells the edge how to answer (not found, conflict with the current state, or bad
 * input); `code` is stable for clients; `fields` name what was wrong.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'not_found' | 'conflict' | 'validation';
  readonly fields: readonly string[] = [];
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

export class FactsMissing extends DomainError {
  readonly code = 'DOCUMENT.FACTS_MISSING';
  readonly kind = 'validation';
  constructor(override readonly fields: readonly string[]) {
    super(`Approval needs these facts: ${fields.join(', ')}.`);
  }
}

export class FactsDiffer extends DomainError {
  readonly code = 'DOCUMENT.FACTS_DIFFER';
  readonly kind = 'conflict';
  constructor(override readonly fields: readonly string[]) {
    super(`The first reviewer read these facts differently: ${fields.join(', ')}. Confirm them or reject.`);
  }
}

export class NotWithdrawable extends DomainError {
  readonly code = 'DOCUMENT.NOT_WITHDRAWABLE';
  readonly kind = 'conflict';
  constructor(readonly status: DocumentStatus) {
    super(`The document is ${status.replace(/_/g, ' ')} and cannot be withdrawn.`);
  }
}
