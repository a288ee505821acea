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
 * TD1 (Doc 9303 Part 5, ID cards, 3 × 30):
 *   line 1: code 0-1, issuing state 2-4, number 5-13, check 14, optional data 15-29
 *   line 2: birth 0-5, check 6, sex 7, expiry 8-13, check 14, nationality 15-17, optional data 18-28, composite 29
 *   line 3: name
 * The composite covers line 1 from the number on, and line 2's dates, check digits and optional data.
 */
export function readTd1(lines: readonly string[], options: ParseMrzOptions): MrzResult {
  const [upper, middle, lower] = lines;
  const errors: Errors = [];
  const specimens = options.specimens === true;

  const documentCode = readDocumentCode(upper.slice(0, 2), 'ACI', errors);
  const issuingState = readState('issuingState', upper.slice(2, 5), specimens, errors);
  const { documentNumber, optionalData } = readDocumentNumber(
    upper.slice(5, 14),
    upper[14],
    { field: upper.slice(15, 30), mayContinueNumber: true },
    errors,
  );
  const dates = readDates(
    { digits: middle.slice(0, 6), checkDigit: middle[6] },
    { digits: middle.slice(8, 14), checkDigit: middle[14] },
    options.today,
    errors,
  );
  const sex = readSex(middle[7], errors);
  const nationality = readState('nationality', middle.slice(15, 18), specimens, errors);
  const optionalData2 = middle.slice(18, 29).replace(/<+$/, '');
  checkDigit(
    'composite',
    upper.slice(5, 30) + middle.slice(0, 7) + middle.slice(8, 15) + middle.slice(18, 29),
    middle[29],
    errors,
  );
  const name = readName(lower, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    mrz: {
      format: 'TD1',
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
      optionalData2,
    },
  };
}
