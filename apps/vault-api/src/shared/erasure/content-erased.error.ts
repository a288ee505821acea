/**
 * The customer's key was destroyed: their files can never be read again, by anyone. Raised by the content store,
 * which exports and reconciliation use too, so it says nothing of HTTP; the exception filter answers 410.
 */
export class ContentErased extends Error {
  readonly code = 'CONTENT.ERASED';

  constructor() {
    super("This document's content was erased and can no longer be read.");
    this.name = 'ContentErased';
  }
}
