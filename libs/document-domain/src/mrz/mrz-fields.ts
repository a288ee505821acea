import { computeCheckDigit } from './check-digit';
import { readBirthDate, readExpiryDate } from './mrz-dates';
import type { MrzError, MrzField } from './mrz-error';
import { readNameField } from './mrz-name';
import type { MrzSex } from './parsed-mrz';
import { stateCodeKind } from './state-codes';

/**
 * Readers shared by the TD1, TD2 and TD3 layouts. Each reads one field from characters already known to be in the
 * MRZ alphabet, adds what is wrong to `errors` and returns its best reading, so that every fault is reported at once.
 */

export type Errors = MrzError[];

const LABELS: Record<MrzField, string> = {
  lines: 'MRZ',
  line1: 'line 1',
  line2: 'line 2',
  line3: 'line 3',
  documentCode: 'document code',
  issuingState: 'issuing state',
  holderName: 'name',
  documentNumber: 'document number',
  nationality: 'nationality',
  dateOfBirth: 'date of birth',
  sex: 'sex',
  expiresOn: 'expiry date',
  optionalData: 'optional data',
  composite: 'composite check digit',
};

/** Checks `digit` against `data`; `alsoAccepted` lists other characters an issuer may rightly print there. */
export function checkDigit(
  field: MrzField,
  data: string,
  digit: string,
  errors: Errors,
  alsoAccepted: readonly string[] = [],
): void {
  if (alsoAccepted.includes(digit)) return;
  const label = field === 'composite' ? LABELS.composite : `${LABELS[field]} check digit`;
  if (!/^\d$/.test(digit)) {
    errors.push({ code: 'MRZ.CHECK_DIGIT', field, message: `${label} must be a digit, not '${digit}'` });
    return;
  }
  const expected = computeCheckDigit(data);
  if (Number(digit) !== expected) {
    errors.push({
      code: 'MRZ.CHECK_DIGIT',
      field,
      message: `${label} is ${digit} but the characters it protects give ${expected}`,
    });
  }
}

export function readDocumentCode(code: string, allowedFirstLetters: string, errors: Errors): string {
  if (!/^[A-Z][A-Z<]$/.test(code) || !allowedFirstLetters.includes(code[0])) {
    const allowed = allowedFirstLetters.split('').join(', ');
    errors.push({
      code: 'MRZ.INVALID_FIELD',
      field: 'documentCode',
      message: `document code '${code}' must start with ${allowed} for this layout`,
    });
  }
  return stripFillers(code);
}

export function readState(field: 'issuingState' | 'nationality', code: string, specimens: boolean, errors: Errors): string {
  const state = stripFillers(code);
  if (!/^[A-Z][A-Z<]{2}$/.test(code)) {
    errors.push({ code: 'MRZ.INVALID_FIELD', field, message: `${LABELS[field]} '${code}' must be a three-letter code` });
    return state;
  }
  const kind = stateCodeKind(state);
  if (kind === 'unknown') {
    errors.push({ code: 'MRZ.INVALID_FIELD', field, message: `${LABELS[field]} '${state}' is not a state code of ICAO Doc 9303 Part 3` });
  } else if (kind === 'specimen' && !specimens) {
    errors.push({ code: 'MRZ.INVALID_FIELD', field, message: `${LABELS[field]} '${state}' is the ICAO specimen state; a real document never carries it` });
  }
  return state;
}

export function readSex(character: string, errors: Errors): MrzSex {
  if (character === 'F' || character === 'M' || character === 'X') return character;
  if (character !== '<') {
    errors.push({ code: 'MRZ.INVALID_FIELD', field: 'sex', message: `sex must be F, M, X or <, not '${character}'` });
  }
  return 'X';
}

export function readName(
  field: string,
  errors: Errors,
): { surname: string; givenNames: string; nameMayBeTruncated: boolean } {
  const reading = readNameField(field);
  if (!reading.ok) {
    errors.push({ code: 'MRZ.INVALID_FIELD', field: 'holderName', message: `name ${reading.reason}` });
    return { surname: '', givenNames: '', nameMayBeTruncated: false };
  }
  return { surname: reading.surname, givenNames: reading.givenNames, nameMayBeTruncated: reading.mayBeTruncated };
}

export function readDates(
  birth: { digits: string; checkDigit: string },
  expiry: { digits: string; checkDigit: string },
  today: Date,
  errors: Errors,
): { dateOfBirth: string; expiresOn: string } {
  checkDigit('dateOfBirth', birth.digits, birth.checkDigit, errors);
  checkDigit('expiresOn', expiry.digits, expiry.checkDigit, errors);
  const dateOfBirth = readBirthDate(birth.digits, today);
  const expiresOn = readExpiryDate(expiry.digits, today);
  if (!dateOfBirth.ok) {
    errors.push({ code: 'MRZ.INVALID_DATE', field: 'dateOfBirth', message: `date of birth ${dateOfBirth.reason}` });
  }
  if (!expiresOn.ok) {
    errors.push({ code: 'MRZ.INVALID_DATE', field: 'expiresOn', message: `expiry date ${expiresOn.reason}` });
  }
  return {
    dateOfBirth: dateOfBirth.ok ? dateOfBirth.isoDate : '',
    expiresOn: expiresOn.ok ? expiresOn.isoDate : '',
  };
}

/**
 * The document number: nine characters and a check digit. On TD1 and TD2 (`mayContinueNumber`), a longer number puts a
 * filler where the check digit belongs and continues at the start of the optional data, followed by its check
 * digit and a filler (Doc 9303 Part 5 for TD1, Part 6 for TD2).
 */
export function readDocumentNumber(
  principal: string,
  digit: string,
  optional: { readonly field: string; readonly mayContinueNumber: boolean },
  errors: Errors,
): { documentNumber: string; optionalData: string } {
  if (digit !== '<' || !optional.mayContinueNumber) {
    checkDigit('documentNumber', principal, digit, errors);
    const documentNumber = stripFillers(principal);
    if (documentNumber === '') {
      errors.push({ code: 'MRZ.INVALID_FIELD', field: 'documentNumber', message: 'document number is empty' });
    }
    return { documentNumber, optionalData: stripTrailingFillers(optional.field) };
  }
  return readLongDocumentNumber(principal, optional.field, errors);
}

function readLongDocumentNumber(
  principal: string,
  optional: string,
  errors: Errors,
): { documentNumber: string; optionalData: string } {
  const end = optional.indexOf('<');
  if (principal.includes('<') || end < 2) {
    errors.push({
      code: 'MRZ.CHECK_DIGIT',
      field: 'documentNumber',
      message:
        'document number check digit is a filler, but the number does not fill nine characters and go on ' +
        'in the optional data with its check digit',
    });
    return { documentNumber: stripFillers(principal), optionalData: stripTrailingFillers(optional) };
  }
  const overflow = optional.slice(0, end - 1);
  // Doc 9303's worked example computes over the number alone; some issuers (Belgian cards, PRADO BEL-BO-03003)
  // include the filler between the two parts. The composite check digit still covers every character either way.
  const withFiller = principal + '<' + overflow;
  const alsoAccepted = [String(computeCheckDigit(withFiller))];
  checkDigit('documentNumber', principal + overflow, optional[end - 1], errors, alsoAccepted);
  return { documentNumber: principal + overflow, optionalData: stripTrailingFillers(optional.slice(end + 1)) };
}

function stripTrailingFillers(field: string): string {
  return field.replace(/<+$/, '');
}

function stripFillers(field: string): string {
  return field.replace(/</g, '');
}
