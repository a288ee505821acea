import { computeCheckDigit } from '../check-digit';

/**
 * Writes MRZ lines from plain values, so tests can make any document, valid or subtly wrong. Written apart from
 * the parser, from the Doc 9303 layouts, so that the two check each other.
 */
export interface MrzIdentity {
  /** `P`, `I`, `ID`… */
  documentCode: string;
  /** `UTO`, or `D` for Germany */
  issuingState: string;
  /** Words separated by spaces */
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** `YYYY-MM-DD`, written as `YYMMDD` without checking the calendar, so impossible dates can be written too */
  dateOfBirth: string;
  sex: 'F' | 'M' | 'X';
  expiresOn: string;
  optionalData?: string;
  /** TD1 only: the middle line's optional data */
  optionalData2?: string;
}

export interface EncodeOptions {
  /** TD3 with no personal number: Doc 9303 lets the issuer print 0 or `<` as its check digit. */
  readonly emptyOptionalDataCheckDigit?: '0' | '<';
  /** TD1/TD2 numbers over nine characters: compute the check digit with the filler between the parts. */
  readonly longNumberCheckIncludesFiller?: boolean;
}

export function encodeTd3(identity: MrzIdentity, options: EncodeOptions = {}): [string, string] {
  if (identity.documentNumber.length > 9) throw new RangeError('a TD3 document number has at most 9 characters');
  const upper = fit(identity.documentCode, 2) + fit(identity.issuingState, 3) + fit(nameField(identity), 39);
  const number = fit(identity.documentNumber, 9);
  const personalNumber = fit(identity.optionalData ?? '', 14);
  const personalCheck =
    identity.optionalData ? digit(personalNumber) : (options.emptyOptionalDataCheckDigit ?? '<');
  const withoutComposite =
    number +
    digit(number) +
    fit(identity.nationality, 3) +
    dateWithCheck(identity.dateOfBirth) +
    sexOf(identity) +
    dateWithCheck(identity.expiresOn) +
    personalNumber +
    personalCheck;
  return [upper, withoutComposite + twoLineComposite(withoutComposite)];
}

export function encodeTd2(identity: MrzIdentity, options: EncodeOptions = {}): [string, string] {
  const upper = fit(identity.documentCode, 2) + fit(identity.issuingState, 3) + fit(nameField(identity), 31);
  const number = numberFields(identity, 7, options);
  const withoutComposite =
    number.principal +
    fit(identity.nationality, 3) +
    dateWithCheck(identity.dateOfBirth) +
    sexOf(identity) +
    dateWithCheck(identity.expiresOn) +
    number.optional;
  return [upper, withoutComposite + twoLineComposite(withoutComposite)];
}

export function encodeTd1(identity: MrzIdentity, options: EncodeOptions = {}): [string, string, string] {
  const number = numberFields(identity, 15, options);
  const upper = fit(identity.documentCode, 2) + fit(identity.issuingState, 3) + number.principal + number.optional;
  const middle =
    dateWithCheck(identity.dateOfBirth) +
    sexOf(identity) +
    dateWithCheck(identity.expiresOn) +
    fit(identity.nationality, 3) +
    fit(identity.optionalData2 ?? '', 11);
  const compositeDigit = digit(upper.slice(5) + middle.slice(0, 7) + middle.slice(8, 15) + middle.slice(18));
  return [upper, middle + compositeDigit, fit(nameField(identity), 30)];
}

/** The number with its check digit, and the optional data field, which a long number begins. */
function numberFields(
  identity: MrzIdentity,
  optionalLength: number,
  options: EncodeOptions,
): { principal: string; optional: string } {
  const { documentNumber } = identity;
  if (documentNumber.length <= 9) {
    const number = fit(documentNumber, 9);
    return { principal: number + digit(number), optional: fit(identity.optionalData ?? '', optionalLength) };
  }
  const head = documentNumber.slice(0, 9);
  const overflow = documentNumber.slice(9);
  const checked = options.longNumberCheckIncludesFiller ? `${head}<${overflow}` : documentNumber;
  return {
    principal: `${head}<`,
    optional: fit(`${overflow}${digit(checked)}<${identity.optionalData ?? ''}`, optionalLength),
  };
}

function nameField(identity: MrzIdentity): string {
  return `${identity.surname.replace(/ /g, '<')}<<${identity.givenNames.replace(/ /g, '<')}`;
}

function dateWithCheck(isoDate: string): string {
  const yymmdd = isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
  return yymmdd + digit(yymmdd);
}

function sexOf(identity: MrzIdentity): string {
  return identity.sex === 'X' ? '<' : identity.sex;
}

function digit(characters: string): string {
  return String(computeCheckDigit(characters));
}

/** TD2 and TD3: the number and its check digit, birth and its check digit, then everything from the expiry on. */
function twoLineComposite(line: string): string {
  return digit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21));
}

function fit(value: string, length: number): string {
  if (value.length > length) throw new RangeError(`'${value}' does not fit in ${length} characters`);
  return value.padEnd(length, '<');
}
