import {
  checkDigit,
  readDates,
  readDocumentCode,
  readDocumentNumber,
  readName,
  readSex,
  readState,
  type Errors,
} from './mrz-fields';
import type { MrzResult, ParseMrzOptions } from './parsed-mrz';

/**
 * TD3 (Doc 9303 Part 4, passports, 2 × 44), TD2 (Part 6, 2 × 36) and the visas MRV-A (Part 7, 2 × 44) and MRV-B
 * (2 × 36), told apart from the passport and TD2 layouts by their document code `V`, share their layout up to the
 * optional data:
 *   line 1: code 0-1, issuing state 2-4, name 5-end
 *   line 2: number 0-8, check 9, nationality 10-12, birth 13-18, check 19, sex 20, expiry 21-26, check 27,
 *           optional data 28-…, then (TD3 only) its check digit, and last (not on visas) the composite check digit.
 */
export function readTwoLineMrz(layout: 'TD3' | 'TD2', lines: readonly string[], options: ParseMrzOptions): MrzResult {
  const [upper, lower] = lines;
  const errors: Errors = [];
  const isVisa = upper.startsWith('V');
  const format = isVisa ? (layout === 'TD3' ? 'MRV-A' : 'MRV-B') : layout;
  const isPassport = format === 'TD3';
  const optionalEnd = isVisa ? lower.length : isPassport ? 42 : 35;
  const optional = lower.slice(28, optionalEnd);
  const specimens = options.specimens === true;

  const documentCode = readDocumentCode(upper.slice(0, 2), isVisa ? 'V' : isPassport ? 'P' : 'ACI', errors);
  const issuingState = readState('issuingState', upper.slice(2, 5), specimens, errors);
  const name = readName(upper.slice(5), errors);
  const { documentNumber, optionalData } = readDocumentNumber(
    lower.slice(0, 9),
    lower[9],
    { field: optional, mayContinueNumber: format === 'TD2' },
    errors,
  );
  const nationality = readState('nationality', lower.slice(10, 13), specimens, errors);
  const dates = readDates(
    { digits: lower.slice(13, 19), checkDigit: lower[19] },
    { digits: lower.slice(21, 27), checkDigit: lower[27] },
    options.today,
    errors,
  );
  const sex = readSex(lower[20], errors);
  if (isPassport) {
    // Part 4 note: an unused personal number may have 0 or a filler as its check digit.
    const unused = /^<+$/.test(optional);
    checkDigit('optionalData', optional, lower[42], errors, unused ? ['<'] : []);
  }
  if (!isVisa) checkDigit('composite', lower.slice(0, 10) + lower.slice(13, 20) + lower.slice(21, -1), lower.slice(-1), errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    mrz: {
      format,
      lines,
      documentCode,
      issuingState,
      surname: name.surname,
      givenNames: name.givenNames,
      nameMayBeTruncated: name.nameMayBeTruncated,
      documentNumber,
      nationality,
      ...dates,
      sex,
      optionalData,
    },
  };
}
