import { DomainError } from '../document/document.errors';

export type MrzErrorCode =
  /** Not 2 or 3 lines, or the lines fit no ICAO layout. */
  | 'MRZ.FORMAT'
  /** A line is longer or shorter than its layout says. */
  | 'MRZ.LINE_LENGTH'
  /** A character outside A-Z, 0-9 and `<`. */
  | 'MRZ.CHARSET'
  /** A check digit does not match the characters it protects, or is not a digit. */
  | 'MRZ.CHECK_DIGIT'
  /** A date that is not six digits or not a real calendar date. */
  | 'MRZ.INVALID_DATE'
  /** A field holds characters its kind does not allow (a digit in a name, a sex other than F, M, X or `<`…). */
  | 'MRZ.INVALID_FIELD';

export type MrzField =
  | 'lines'
  | 'line1'
  | 'line2'
  | 'line3'
  | 'documentCode'
  | 'issuingState'
  | 'holderName'
  | 'documentNumber'
  | 'nationality'
  | 'dateOfBirth'
  | 'sex'
  | 'expiresOn'
  | 'optionalData'
  | 'composite';

export interface MrzError {
  readonly code: MrzErrorCode;
  readonly field: MrzField;
  readonly message: string;
}

/** Thrown where a refused MRZ must stop a command; the edge answers 400 naming every field. */
export class MrzRefused extends DomainError {
  readonly code = 'MRZ.REFUSED';
  readonly kind = 'validation';
  override readonly fields: readonly MrzField[];

  constructor(readonly errors: readonly MrzError[]) {
    super(`The machine-readable zone was refused: ${errors.map((error) => error.message).join('; ')}.`);
    this.fields = [...new Set(errors.map((error) => error.field))];
  }

  override fieldErrors() {
    return this.errors.map((error) => ({ field: `mrz.${error.field}`, message: error.message }));
  }
}
