import { parseMrz } from './parse-mrz';
import { encodeTd1, encodeTd2, encodeTd3, type MrzIdentity } from './testing/encode-mrz';
import { randomIdentity, seededRandom, type RandomFormat } from './testing/random-mrz-identity';

const today = new Date('2026-03-01T00:00:00Z');
const SEED = 9303;
const DOCUMENTS_PER_FORMAT = 400;

const ENCODERS: Record<RandomFormat, (identity: MrzIdentity) => string[]> = {
  TD1: encodeTd1,
  TD2: encodeTd2,
  TD3: encodeTd3,
};

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}

/** Where the check digits of a layout sit (line, column), given where a long number puts its own. */
function checkDigitPositions(format: RandomFormat, lines: readonly string[]) {
  if (format === 'TD1') {
    const long = lines[0][14] === '<';
    return [
      { line: 0, column: long ? 15 + lines[0].slice(15).indexOf('<') - 1 : 14, field: 'documentNumber', long },
      { line: 1, column: 6, field: 'dateOfBirth', long: false },
      { line: 1, column: 14, field: 'expiresOn', long: false },
      { line: 1, column: 29, field: 'composite', long: false },
    ];
  }
  const long = lines[1][9] === '<';
  return [
    { line: 1, column: long ? 28 + lines[1].slice(28).indexOf('<') - 1 : 9, field: 'documentNumber', long },
    { line: 1, column: 19, field: 'dateOfBirth', long: false },
    { line: 1, column: 27, field: 'expiresOn', long: false },
    ...(format === 'TD3' ? [{ line: 1, column: 42, field: 'optionalData', long: false }] : []),
    { line: 1, column: lines[1].length - 1, field: 'composite', long: false },
  ];
}

describe.each(['TD3', 'TD2', 'TD1'] as const)('random valid %s documents', (format) => {
  const random = seededRandom(SEED + format.charCodeAt(2));
  const documents = Array.from({ length: DOCUMENTS_PER_FORMAT }, () => {
    const identity = randomIdentity(random, format, today);
    return { identity, lines: ENCODERS[format](identity) };
  });

  it('read back exactly as they were written', () => {
    const misread = documents.flatMap(({ identity, lines }) => {
      const result = parseMrz(lines, { today, specimens: true });
      const { optionalData2, ...common } = identity;
      const expected = { ...common, format, ...(format === 'TD1' ? { optionalData2 } : {}) };
      const read = result.ok ? pick({ ...result.mrz }, Object.keys(expected)) : result.errors;
      return JSON.stringify(read) === JSON.stringify(expected) ? [] : [{ lines, expected, read }];
    });
    expect(misread).toEqual([]);
  });

  it('exercise what they claim to: long numbers, Germany-style codes, unspecified sex, old and future dates', () => {
    const identities = documents.map((document) => document.identity);
    if (format !== 'TD3') expect(identities.some((identity) => identity.documentNumber.length > 9)).toBe(true);
    expect(identities.some((identity) => identity.issuingState.length === 1)).toBe(true);
    expect(identities.some((identity) => identity.sex === 'X')).toBe(true);
    expect(identities.some((identity) => identity.dateOfBirth < '1930-01-01')).toBe(true);
    expect(identities.some((identity) => identity.expiresOn < '1980-01-01')).toBe(true);
    expect(identities.some((identity) => identity.expiresOn > '2070-01-01')).toBe(true);
  });

  it('are refused, naming the field, when any check digit is changed to any other digit', () => {
    const missed: { slipped: string[]; errors: unknown }[] = [];
    for (const { lines } of documents) {
      for (const position of checkDigitPositions(format, lines)) {
        const printed = lines[position.line][position.column];
        const accepted = position.field === 'optionalData' && printed === '<' ? ['<', '0'] : [printed];
        // A long number's digit may match the issuers' other reading; the composite still catches it.
        const named = position.long ? ['documentNumber', 'composite'] : [position.field];
        for (const digit of '0123456789'.split('').filter((each) => !accepted.includes(each))) {
          const slipped = lines.map((text, index) =>
            index === position.line ? text.slice(0, position.column) + digit + text.slice(position.column + 1) : text,
          );
          const result = parseMrz(slipped, { today, specimens: true });
          const caught =
            !result.ok &&
            result.errors.some((error) => error.code === 'MRZ.CHECK_DIGIT' && named.includes(error.field));
          if (!caught) missed.push({ slipped, errors: result.ok ? 'accepted' : result.errors });
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
