import { DomainError } from '../document/document.errors';

/** Why an escalation cannot be recorded yet; each names the condition that is not met. */
export interface EscalationHindrance {
  readonly field: 'status' | 'documents' | 'dueBy' | 'notices' | 'noticePeriod';
  readonly message: string;
}

/** An escalation refused until the customer has been properly told: every unmet condition is named at once. */
export class EscalationRefused extends DomainError {
  readonly code = 'REQUEST.ESCALATION_REFUSED';
  readonly kind = 'conflict';
  override readonly fields: readonly string[];
  constructor(readonly hindrances: readonly EscalationHindrance[]) {
    super(`The escalation cannot be recorded: ${hindrances.map((hindrance) => hindrance.message).join(' ')}`);
    this.fields = hindrances.map((hindrance) => hindrance.field);
  }

  override fieldErrors(): { field: string; message: string }[] {
    return this.hindrances.map(({ field, message }) => ({ field, message }));
  }
}

export class EscalationNotFound extends DomainError {
  readonly code = 'REQUEST.ESCALATION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('There is no escalation of yours waiting for confirmation under this id.');
  }
}

/** Four eyes: the officer who proposed an escalation cannot also confirm it. */
export class EscalationNeedsSecondOfficer extends DomainError {
  readonly code = 'REQUEST.ESCALATION_NEEDS_SECOND_OFFICER';
  readonly kind = 'conflict';
  constructor() {
    super('A second officer of the department must confirm the escalation; the one who proposed it cannot.');
  }
}

/** Carries the code every invalid field of a request carries, so a client handles a refused date like any other. */
export class DueDateRefused extends DomainError {
  readonly code = 'REQUEST.INVALID';
  readonly kind = 'validation';
  override readonly fields = ['dueBy'];
}
