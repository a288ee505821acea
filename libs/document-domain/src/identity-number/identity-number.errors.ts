import { DomainError } from '../document/document.errors';

/** Says nothing of whose it is: that the number is another customer's is all a reviewer learns. */
export class IdentityNumberInUse extends DomainError {
  readonly code = 'DOCUMENT.NUMBER_IN_USE';
  readonly kind = 'conflict';
  override readonly fields = ['facts.documentNumber'];
  constructor() {
    super('A document with this number and issuing country is already verified for another customer. It was not verified; support has been told.');
  }
}
