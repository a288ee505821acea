import { computeCheckDigit } from '@kluis/document-domain/browser';

/**
 * Live feedback on a machine-readable zone as a reviewer types or pastes it: which layout it is, which lines have
 * the wrong length or characters, and whether each check digit agrees with the characters it protects. The vault
 * checks it again on approval; this only saves the reviewer a round trip.
 */
export type MrzFormat = 'TD3' | 'TD2' | 'TD1';

export type CheckedField = 'documentNumber' | 'dateOfBirth' | 'expiresOn' | 'optionalData' | 'composite';

export interface DigitCheck {
  readonly field: CheckedField;
  /** The digit printed on the document, or the character found in its place. */
  readonly found: string;
  readonly expected: number;
  readonly ok: boolean;
}

export type LineProblem =
  | { readonly kind: 'length'; readonly line: number; readonly length: number; readonly expected: number }
  | { readonly kind: 'characters'; readonly line: number; readonly characters: string };

export type MrzFeedback =
  | { readonly state: 'empty' }
  | { readonly state: 'unknown-layout'; readonly lineCount: number }
  | { readonly state: 'checked'; readonly format: MrzFormat; readonly lineProblems: readonly LineProblem[]; readonly checks: readonly DigitCheck[]; readonly ok: boolean };

const LAYOUTS: Record<MrzFormat, { lines: number; length: number }> = {
  TD3: { lines: 2, length: 44 },
  TD2: { lines: 2, length: 36 },
  TD1: { lines: 3, length: 30 },
};

/** The lines as they will be sent: trimmed, upper case, blank lines dropped. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line.length > 0);
}

export function mrzFeedback(text: string): MrzFeedback {
  const lines = mrzLines(text);
  if (lines.length === 0) return { state: 'empty' };
  const format = layoutOf(lines);
  if (!format) return { state: 'unknown-layout', lineCount: lines.length };
  const { length } = LAYOUTS[format];
  const lineProblems: LineProblem[] = [];
  lines.forEach((line, index) => {
    const wrong = [...new Set(line.replace(/[A-Z0-9<]/g, ''))].join('');
    if (wrong) lineProblems.push({ kind: 'characters', line: index + 1, characters: wrong });
    if (line.length !== length) lineProblems.push({ kind: 'length', line: index + 1, length: line.length, expected: length });
  });
  // Digits can only be checked where every character is in place.
  const checks = lineProblems.length > 0 ? [] : format === 'TD1' ? td1Checks(lines) : twoLineChecks(format, lines[1]);
  return { state: 'checked', format, lineProblems, checks, ok: lineProblems.length === 0 && checks.every((check) => check.ok) };
}

/** Judged by line count and the longest line, so a line still being typed is measured against the right layout. */
function layoutOf(lines: readonly string[]): MrzFormat | null {
  if (lines.length === 3) return 'TD1';
  if (lines.length !== 2) return null;
  const longest = Math.max(...lines.map((line) => line.length));
  return longest > 40 || lines[0].startsWith('P') ? 'TD3' : 'TD2';
}

function check(field: CheckedField, data: string, found: string, alsoAccepted: readonly string[] = []): DigitCheck {
  const expected = computeCheckDigit(data);
  return { field, found, expected, ok: alsoAccepted.includes(found) || found === String(expected) };
}

/** TD3 and TD2 line 2: number 0-8, check 9, birth 13-18, check 19, expiry 21-26, check 27, then optional data. */
function twoLineChecks(format: 'TD3' | 'TD2', lower: string): DigitCheck[] {
  const optionalEnd = format === 'TD3' ? 42 : 35;
  const optional = lower.slice(28, optionalEnd);
  const checks = [documentNumberCheck(lower.slice(0, 9), lower[9], format === 'TD2' ? optional : '')];
  checks.push(check('dateOfBirth', lower.slice(13, 19), lower[19]), check('expiresOn', lower.slice(21, 27), lower[27]));
  // An unused personal number may carry a filler instead of its check digit.
  if (format === 'TD3') checks.push(check('optionalData', optional, lower[42], /^<+$/.test(optional) ? ['<'] : []));
  checks.push(check('composite', lower.slice(0, 10) + lower.slice(13, 20) + lower.slice(21, -1), lower.slice(-1)));
  return checks;
}

/** TD1: line 1 number 5-13, check 14; line 2 birth 0-5, check 6, expiry 8-13, check 14, composite 29. */
function td1Checks([upper, middle]: readonly string[]): DigitCheck[] {
  return [
    documentNumberCheck(upper.slice(5, 14), upper[14], upper.slice(15, 30)),
    check('dateOfBirth', middle.slice(0, 6), middle[6]),
    check('expiresOn', middle.slice(8, 14), middle[14]),
    check('composite', upper.slice(5, 30) + middle.slice(0, 7) + middle.slice(8, 15) + middle.slice(18, 29), middle[29]),
  ];
}

/**
 * A number longer than nine characters puts a filler where its check digit would be and continues in the optional
 * data, which then ends with the check digit (Doc 9303 Part 5 and 6). Some issuers compute that digit with the
 * filler included, so either reading is accepted, as the vault does.
 */
function documentNumberCheck(number: string, digit: string, optional: string): DigitCheck {
  if (digit !== '<' || optional === '' || optional.startsWith('<')) return check('documentNumber', number, digit);
  const continuation = optional.split('<')[0];
  const [rest, found] = [continuation.slice(0, -1), continuation.slice(-1)];
  const withFiller = check('documentNumber', `${number}<${rest}`, found);
  return withFiller.ok ? withFiller : check('documentNumber', number + rest, found);
}
