/**
 * Nothing new is written about a customer whose key was destroyed: it could never be read again. Raised while
 * sealing, which background processes do too, so it says nothing of HTTP; the exception filter answers 410.
 */
export class CustomerErasedError extends Error {
  readonly code = 'CUSTOMER.ERASED';

  constructor() {
    super("This customer's personal data was erased; nothing new can be recorded about them.");
    this.name = 'CustomerErasedError';
  }
}
