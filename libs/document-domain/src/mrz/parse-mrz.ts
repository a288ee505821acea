import { MRZ_CHARACTER } from './check-digit';
import type { MrzError, MrzField } from './mrz-error';
import { NOT_DIGITS } from './mrz-dates';
import type { MrzResult, ParseMrzOptions } from './parsed-mrz';
import { readTd1 } from './read-td1';
import { readTwoLineMrz } from './read-two-line-mrz';

/** The line layouts; visas share TD3's and TD2's and are told apart by their document code. */
type Layout = 'TD1' | 'TD2' | 'TD3';
const LINE_LENGTH: Record<Layout, number> = { TD1: 30, TD2: 36, TD3: 44 };
const LINE_FIELDS: readonly MrzField[] = ['line1', 'line2', 'line3'];

/**
 * Parses the machine-readable zone of a passport (TD3), ID card (TD1), TD2 document or visa (MRV-A, MRV-B) and
 * validates every check digit and state code. Each line is trimmed and its lowercase letters upper-cased: the MRZ alphabet has no lowercase, so case
 * carries no meaning and a reviewer typing it is a slip, not a different value. Anything else outside A-Z, 0-9
 * and `<` (spaces inside a line, accented letters, `«`) is refused rather than guessed at.
 */
export function parseMrz(lines: readonly string[], options: ParseMrzOptions): MrzResult {
  if (Number.isNaN(options.today.getTime())) throw new RangeError('today must be a valid date');
  if (!isListOfStrings(lines)) {
    return refuse({ code: 'MRZ.FORMAT', field: 'lines', message: 'the MRZ must be a list of lines (strings)' });
  }
  const normalised = lines.map((line) => line.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase()));
  const format = formatOf(normalised);
  if (format === undefined) {
    return refuse({
      code: 'MRZ.FORMAT',
      field: 'lines',
      message: `not an ICAO 9303 MRZ: one has 2 lines (passports and MRV-A visas 44 characters, TD2 and MRV-B 36) or 3 lines of 30 (ID cards), not ${lines.length}`,
    });
  }

  const layoutErrors = [...lengthErrors(normalised, format), ...charsetErrors(normalised)];
  if (layoutErrors.length > 0) return { ok: false, errors: layoutErrors };
  const read = format === 'TD1' ? readTd1(normalised, options) : readTwoLineMrz(format, normalised, options);
  return read.ok || !followsNoIcaoLayout(read.errors) ? read : refuse(NOT_AN_ICAO_MRZ);
}

const NOT_AN_ICAO_MRZ: MrzError = {
  code: 'MRZ.FORMAT',
  field: 'lines',
  message:
    'not an ICAO 9303 MRZ: the lines have the right lengths, but the document code, states, dates and sex are not where Doc 9303 puts them ' +
    '(a national format, such as a French identity card from before 2021 or a driving licence)',
};

const LAYOUT_FIELDS = new Set<MrzField>(['documentCode', 'issuingState', 'nationality', 'sex']);

/**
 * A real MRZ misread or mistyped has a wrong character or two; a zone in another format has letters where Doc 9303
 * puts dates and digits where it puts states. Three fields out of place say the layout is not Doc 9303's at all,
 * and check-digit errors on top of that would only mislead.
 */
function followsNoIcaoLayout(errors: readonly MrzError[]): boolean {
  const outOfPlace = new Set(
    errors.filter((error) => (error.code === 'MRZ.INVALID_FIELD' && LAYOUT_FIELDS.has(error.field)) || (error.code === 'MRZ.INVALID_DATE' && error.message.endsWith(NOT_DIGITS))).map((error) => error.field),
  );
  return outOfPlace.size >= 3;
}

// The request body is only typed at compile time; a JSON client can still send anything.
function isListOfStrings(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((line) => typeof line === 'string');
}

function formatOf(lines: readonly string[]): Layout | undefined {
  if (lines.length === 3) return 'TD1';
  if (lines.length !== 2) return undefined;
  if (lines.some((line) => line.length === LINE_LENGTH.TD3)) return 'TD3';
  if (lines.some((line) => line.length === LINE_LENGTH.TD2)) return 'TD2';
  // Neither line has a known length: judge by the document code so the length error speaks of the right layout.
  return lines[0].startsWith('P') ? 'TD3' : 'TD2';
}

function lengthErrors(lines: readonly string[], format: Layout): MrzError[] {
  const expected = LINE_LENGTH[format];
  return lines.flatMap((line, index): MrzError[] =>
    line.length === expected
      ? []
      : [
          {
            code: 'MRZ.LINE_LENGTH',
            field: LINE_FIELDS[index],
            message: `line ${index + 1} has ${line.length} characters; a ${format} line has ${expected}`,
          },
        ],
  );
}

function charsetErrors(lines: readonly string[]): MrzError[] {
  return lines.flatMap((line, index): MrzError[] => {
    const column = [...line].findIndex((character) => !MRZ_CHARACTER.test(character));
    if (column < 0) return [];
    return [
      {
        code: 'MRZ.CHARSET',
        field: LINE_FIELDS[index],
        message:
          `line ${index + 1}, character ${column + 1}: '${[...line][column]}' is not allowed; ` +
          'an MRZ holds only A-Z, 0-9 and <',
      },
    ];
  });
}

function refuse(error: MrzError): MrzResult {
  return { ok: false, errors: [error] };
}
