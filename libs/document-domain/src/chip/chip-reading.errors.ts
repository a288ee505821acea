import { DomainError } from '../document/document.errors';

/** A chip reading that failed passive authentication is never evidence, whoever looks at it. */
export class FailedChipReadingNotApprovable extends DomainError {
  readonly code = 'CHIP.READING_FAILED';
  readonly kind = 'conflict';
  constructor(readonly failureCode: string) {
    super(`This chip reading failed passive authentication (${failureCode}); it can be rejected, never approved.`);
  }
}
