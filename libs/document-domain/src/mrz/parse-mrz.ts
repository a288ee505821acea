import { MRZ_CHARACTER } from './check-digit';
import type { MrzError, MrzField } from './mrz-error';
import type { MrzFormat, MrzResult, ParseMrzOptions } from './parsed-mrz';
import { readTd1 } from './read-td1';
import { readTwoLineMrz } from './read-two-line-mrz';

const LINE_LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const LINE_FIELDS: readonly MrzField[] = ['line1', 'line2', 'line3'];

/**
 * Parses the machine-readable zone of a passport (TD3), ID card (TD1) or TD2 document and validates every check
 * digit. Each line is trimmed and its lowercase letters upper-cased: the MRZ alphabet has no lowercase, so case
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
      message: `an MRZ has 2 lines (passports 44 characters, TD2 36) or 3 lines of 30 (ID cards), not ${lines.length}`,
    });
  }

  const layoutErrors = [...lengthErrors(normalised, format), ...charsetErrors(normalised)];
  if (layoutErrors.length > 0) return { ok: false, errors: layoutErrors };
  return format === 'TD1' ? readTd1(normalised, options.today) : readTwoLineMrz(format, normalised, options.today);
}

// The request body is only typed at compile time; a JSON client can still send anything.
function isListOfStrings(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((line) => typeof line === 'string');
}

function formatOf(lines: readonly string[]): MrzFormat | undefined {
  if (lines.length === 3) return 'TD1';
  if (lines.length !== 2) return undefined;
  if (lines.some((line) => line.length === LINE_LENGTH.TD3)) return 'TD3';
  if (lines.some((line) => line.length === LINE_LENGTH.TD2)) return 'TD2';
  // Neither line has a known length: judge by the document code so the length error speaks of the right layout.
  return lines[0].startsWith('P') ? 'TD3' : 'TD2';
}

function lengthErrors(lines: readonly string[], format: MrzFormat): MrzError[] {
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
