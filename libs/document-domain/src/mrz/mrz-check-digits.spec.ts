import { mrzCharacterValue } from './check-digit';
import type { MrzField } from './mrz-error';
import { parseMrz } from './parse-mrz';
import specimens from './testing/icao-9303-specimens.json';

/**
 * Every single-character slip a reviewer could make in a checked position must be caught. Lines and columns are
 * 0-based. A 7-3-1 check digit catches any single substitution except between characters whose values differ by a
 * multiple of 10 (0, A, K, U and the filler are 0, 10, 20, 30 and 0): the last test shows that limit.
 */

const today = new Date('2026-03-01T00:00:00Z');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split('');
const DIGITS = '0123456789'.split('');

interface Position {
  readonly line: number;
  readonly column: number;
}

/** Columns `from` (inclusive) to `to` (exclusive) of one line. */
interface Span {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly field: MrzField;
}

interface Specimen {
  readonly name: string;
  readonly lines: readonly string[];
  /** Where each check digit sits, and the field it protects. */
  readonly checkDigits: readonly (Position & { readonly field: MrzField })[];
  /** Data the check digits cover: the field whose own check digit must object when one character changes. */
  readonly covered: readonly Span[];
}

const SPECIMENS: readonly Specimen[] = [
  {
    name: 'passport (TD3)',
    lines: specimens.td3.lines,
    checkDigits: [
      { line: 1, column: 9, field: 'documentNumber' },
      { line: 1, column: 19, field: 'dateOfBirth' },
      { line: 1, column: 27, field: 'expiresOn' },
      { line: 1, column: 42, field: 'optionalData' },
      { line: 1, column: 43, field: 'composite' },
    ],
    covered: [
      { line: 1, from: 0, to: 9, field: 'documentNumber' },
      { line: 1, from: 13, to: 19, field: 'dateOfBirth' },
      { line: 1, from: 21, to: 27, field: 'expiresOn' },
      { line: 1, from: 28, to: 42, field: 'optionalData' },
    ],
  },
  {
    name: 'ID card (TD1)',
    lines: specimens.td1.lines,
    checkDigits: [
      { line: 0, column: 14, field: 'documentNumber' },
      { line: 1, column: 6, field: 'dateOfBirth' },
      { line: 1, column: 14, field: 'expiresOn' },
      { line: 1, column: 29, field: 'composite' },
    ],
    covered: [
      { line: 0, from: 5, to: 14, field: 'documentNumber' },
      // Optional data on a TD1 has no check digit of its own: only the composite covers it.
      { line: 0, from: 15, to: 30, field: 'composite' },
      { line: 1, from: 0, to: 6, field: 'dateOfBirth' },
      { line: 1, from: 8, to: 14, field: 'expiresOn' },
      { line: 1, from: 18, to: 29, field: 'composite' },
    ],
  },
];

function withCharacter(lines: readonly string[], { line, column }: Position, character: string): string[] {
  return lines.map((text, index) =>
    index === line ? text.slice(0, column) + character + text.slice(column + 1) : text,
  );
}

function errorsOf(lines: readonly string[]) {
  const result = parseMrz(lines, { today, specimens: true });
  return result.ok ? [] : result.errors;
}

describe.each(SPECIMENS)('a slip in a check digit of the specimen $name', ({ lines, checkDigits }) => {
  const cases = checkDigits.flatMap((position) =>
    DIGITS.filter((digit) => digit !== lines[position.line][position.column]).map((digit) => ({ ...position, digit })),
  );

  it.each(cases)('names $field when the digit at line $line, column $column reads $digit', (slip) => {
    expect(errorsOf(withCharacter(lines, slip, slip.digit))).toContainEqual(
      expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: slip.field }),
    );
  });

  it.each(checkDigits)('also refuses a letter or a filler in place of the $field check digit', (position) => {
    for (const character of ['O', 'I', 'B', '<']) {
      expect(errorsOf(withCharacter(lines, position, character))).toContainEqual(
        expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: position.field }),
      );
    }
  });

  it('is also caught by the composite check digit, which covers the other check digits', () => {
    for (const slip of cases.filter((each) => each.field !== 'composite')) {
      expect(errorsOf(withCharacter(lines, slip, slip.digit))).toContainEqual(
        expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'composite' }),
      );
    }
  });
});

describe.each(SPECIMENS)('a slip in the data of the specimen $name', ({ lines, covered }) => {
  const cases = covered.flatMap(({ line, from, to, field }) =>
    Array.from({ length: to - from }, (_, offset) => ({ line, column: from + offset, field })),
  );

  it.each(cases)('is refused, naming $field, whatever replaces line $line, column $column', (position) => {
    const original = lines[position.line][position.column];
    const detectable = ALPHABET.filter(
      (character) => (mrzCharacterValue(character) - mrzCharacterValue(original)) % 10 !== 0,
    );
    expect(detectable.length).toBeGreaterThanOrEqual(32);
    for (const character of detectable) {
      expect(errorsOf(withCharacter(lines, position, character))).toContainEqual(
        expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: position.field }),
      );
    }
  });
});

describe('what a 7-3-1 check digit cannot see', () => {
  it('misses two characters worth the same modulo 10 (C and M are 12 and 22): a person must compare', () => {
    const [upper, lower] = specimens.td3.lines;
    const cForM = [upper, lower.replace('L898902C3', 'L898902M3')];
    expect(parseMrz(cForM, { today, specimens: true })).toMatchObject({ ok: true, mrz: { documentNumber: 'L898902M3' } });
  });
});
