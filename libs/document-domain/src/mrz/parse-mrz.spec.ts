import type { MrzError } from './mrz-error';
import { parseMrz } from './parse-mrz';
import type { MrzResult, ParsedMrz } from './parsed-mrz';
import { encodeTd1, encodeTd3, type MrzIdentity } from './testing/encode-mrz';
import specimens from './testing/icao-9303-specimens.json';

const today = new Date('2026-03-01T10:00:00Z');

function parsed(result: MrzResult): ParsedMrz {
  if (!result.ok) throw new Error(`expected the MRZ to be accepted: ${JSON.stringify(result.errors)}`);
  return result.mrz;
}

function refusal(result: MrzResult): readonly MrzError[] {
  if (result.ok) throw new Error('expected the MRZ to be refused');
  return result.errors;
}

const anna: MrzIdentity = {
  documentCode: 'I',
  issuingState: 'UTO',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  documentNumber: 'D23145890',
  nationality: 'UTO',
  dateOfBirth: '1974-08-12',
  sex: 'F',
  expiresOn: '2012-04-15',
};

describe('reading the ICAO specimens', () => {
  it('reads every fact of the specimen passport (TD3)', () => {
    const mrz = parsed(parseMrz(specimens.td3.lines, { today, specimens: true }));
    expect(mrz).toMatchObject({ format: 'TD3', ...specimens.td3.expect });
    expect(mrz.nameMayBeTruncated).toBe(false);
  });

  it('reads every fact of the specimen ID card (TD1)', () => {
    const mrz = parsed(parseMrz(specimens.td1.lines, { today, specimens: true }));
    expect(mrz).toMatchObject({ format: 'TD1', ...specimens.td1.expect, optionalData: '', optionalData2: '' });
  });

  it('reads the TD2 specimen of Doc 9303 Part 6', () => {
    const lines = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
    expect(parsed(parseMrz(lines, { today, specimens: true }))).toMatchObject({
      format: 'TD2',
      documentCode: 'I',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiresOn: '2012-04-15',
      optionalData: '',
    });
  });

  it('still reads a document that expired decades ago: what expiry means is policy, not parsing', () => {
    expect(parsed(parseMrz(specimens.td1.lines, { today: new Date('2060-01-01T00:00:00Z'), specimens: true })).expiresOn).toBe(
      '2012-04-15',
    );
  });
});

describe('what a reviewer may paste', () => {
  it('trims spaces and line breaks around each line', () => {
    const lines = specimens.td3.lines.map((line) => `  ${line}\r\n`);
    expect(parsed(parseMrz(lines, { today, specimens: true })).documentNumber).toBe('L898902C3');
  });

  it('upper-cases lowercase letters, since the MRZ alphabet has no lowercase', () => {
    const mrz = parsed(parseMrz(specimens.td3.lines.map((line) => line.toLowerCase()), { today, specimens: true }));
    expect(mrz).toMatchObject({ surname: 'ERIKSSON', documentNumber: 'L898902C3' });
    expect(mrz.lines).toEqual(specimens.td3.lines);
  });

  it('refuses a space inside a line rather than guessing it was a filler', () => {
    const lines = [specimens.td3.lines[0], specimens.td3.lines[1].replace('UTO', 'UT ')];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({
        code: 'MRZ.CHARSET',
        field: 'line2',
        message: expect.stringContaining('character 13'),
      }),
    ]);
  });

  it.each([
    ['an accented letter', 'É'],
    ['a guillemet for the filler', '«'],
    ['punctuation', '-'],
  ])('refuses %s', (_name, character) => {
    const lines = [specimens.td3.lines[0].replace('ANNA', `ANN${character}`), specimens.td3.lines[1]];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.CHARSET', field: 'line1' }),
    ]);
  });

  it('does not let upper-casing change a line length (ß would become SS)', () => {
    const lines = [specimens.td3.lines[0].replace('ANNA', 'ANNß'), specimens.td3.lines[1]];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.CHARSET', field: 'line1' }),
    ]);
  });
});

describe('refusing what is not an MRZ', () => {
  it.each([
    ['no line', []],
    ['one line', [specimens.td3.lines[1]]],
    ['four lines', [...specimens.td1.lines, specimens.td1.lines[2]]],
  ])('refuses %s as a format error', (_name, lines) => {
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.FORMAT', field: 'lines' }),
    ]);
  });

  it('refuses a list that holds something other than strings', () => {
    const notStrings = [1, 2] as unknown as string[];
    expect(refusal(parseMrz(notStrings, { today, specimens: true }))[0]).toMatchObject({ code: 'MRZ.FORMAT', field: 'lines' });
  });

  it('names the passport line that lost a character', () => {
    const lines = [specimens.td3.lines[0], specimens.td3.lines[1].slice(0, 43)];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      { code: 'MRZ.LINE_LENGTH', field: 'line2', message: 'line 2 has 43 characters; a TD3 line has 44' },
    ]);
  });

  it('names every ID card line of the wrong length', () => {
    const [upper, middle, lower] = specimens.td1.lines;
    const errors = refusal(parseMrz([`${upper}<`, middle, lower.slice(1)], { today, specimens: true }));
    expect(errors.map((error) => [error.code, error.field])).toEqual([
      ['MRZ.LINE_LENGTH', 'line1'],
      ['MRZ.LINE_LENGTH', 'line3'],
    ]);
  });

  it('judges two lines of unknown length by their document code', () => {
    const passport = refusal(parseMrz(['P<UTO', 'L898902C3'], { today, specimens: true }));
    expect(passport[0].message).toContain('a TD3 line has 44');
    const card = refusal(parseMrz(['I<UTO', 'D23145890'], { today, specimens: true }));
    expect(card[0].message).toContain('a TD2 line has 36');
  });

  it('refuses an ID card whose code does not start with A, C or I', () => {
    const lines = encodeTd1({ ...anna, documentCode: 'P' });
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'documentCode' }),
    ]);
  });

  it('throws for an invalid today, a programming error rather than bad input', () => {
    expect(() => parseMrz(specimens.td3.lines, { today: new Date('not a date'), specimens: true })).toThrow(RangeError);
  });
});

describe('fields no check digit protects', () => {
  it('refuses a digit in a name', () => {
    const lines = encodeTd3({ ...anna, documentCode: 'P', givenNames: 'ANNA MAR1A' });
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'holderName' }),
    ]);
  });

  it('refuses a name field of fillers only', () => {
    const lines = [`P<UTO${'<'.repeat(39)}`, specimens.td3.lines[1]];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'holderName', message: 'name is empty' }),
    ]);
  });

  it('refuses a sex other than F, M, X or the filler', () => {
    const lines = [specimens.td3.lines[0], specimens.td3.lines[1].replace('2F1', '2Q1')];
    expect(refusal(parseMrz(lines, { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'sex' }),
    ]);
  });

  it('refuses an issuing state with a digit in it', () => {
    const [upper, lower] = specimens.td3.lines;
    expect(refusal(parseMrz([upper.replace('P<UTO', 'P<U1O'), lower], { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'issuingState' }),
    ]);
  });

  it('refuses a nationality that starts with a filler', () => {
    const [upper, lower] = specimens.td3.lines;
    expect(refusal(parseMrz([upper, lower.replace('6UTO', '6<TO')], { today, specimens: true }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'nationality' }),
    ]);
  });

  it('reads sex < as X (unspecified), and accepts X printed as such', () => {
    expect(parsed(parseMrz(encodeTd3({ ...anna, documentCode: 'P', sex: 'X' }), { today, specimens: true })).sex).toBe('X');
    const printedX = specimens.td3.lines[1].replace('2F1', '2X1');
    expect(parsed(parseMrz([specimens.td3.lines[0], printedX], { today, specimens: true })).sex).toBe('X');
  });
});

describe('names', () => {
  it('joins name parts with spaces and allows a document without given names', () => {
    const lines = encodeTd3({ ...anna, documentCode: 'P', surname: 'VAN DER BERG', givenNames: '' });
    expect(parsed(parseMrz(lines, { today, specimens: true }))).toMatchObject({ surname: 'VAN DER BERG', givenNames: '' });
  });

  it('flags a name that fills its whole field as possibly cut short', () => {
    const lines = encodeTd1({ ...anna, surname: 'ERIKSSON', givenNames: 'ANNA MARIA CHRISTINA' });
    expect(lines[2]).toBe('ERIKSSON<<ANNA<MARIA<CHRISTINA');
    expect(parsed(parseMrz(lines, { today, specimens: true })).nameMayBeTruncated).toBe(true);
  });
});

describe('optional data and fillers', () => {
  it('strips fillers from a short document number and reads Germany as D', () => {
    const german = { documentCode: 'P', documentNumber: 'C01X00T4', issuingState: 'D', nationality: 'D' };
    const lines = encodeTd3({ ...anna, ...german });
    expect(lines[1].slice(0, 9)).toBe('C01X00T4<');
    expect(lines[1].slice(10, 13)).toBe('D<<');
    expect(parsed(parseMrz(lines, { today, specimens: true }))).toMatchObject({
      documentNumber: 'C01X00T4',
      issuingState: 'D',
      nationality: 'D',
    });
  });

  it('accepts 0 or a filler as the check digit of an unused personal number', () => {
    for (const emptyOptionalDataCheckDigit of ['0', '<'] as const) {
      const lines = encodeTd3({ ...anna, documentCode: 'P' }, { emptyOptionalDataCheckDigit });
      expect(parsed(parseMrz(lines, { today, specimens: true })).optionalData).toBe('');
    }
  });

  it('refuses a filler as the check digit of a personal number that is used', () => {
    const [upper, lower] = specimens.td3.lines;
    const withFiller = `${lower.slice(0, 42)}<${lower[43]}`;
    expect(refusal(parseMrz([upper, withFiller], { today, specimens: true }))).toContainEqual(
      expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'optionalData' }),
    );
  });

  it('reads both optional data fields of an ID card', () => {
    const lines = encodeTd1({ ...anna, optionalData: 'ABC123', optionalData2: 'XYZ' });
    expect(parsed(parseMrz(lines, { today, specimens: true }))).toMatchObject({ optionalData: 'ABC123', optionalData2: 'XYZ' });
  });
});

describe('document numbers longer than nine characters (TD1 and TD2)', () => {
  it('joins the number back from the optional data, after its check digit and filler', () => {
    const lines = encodeTd1({ ...anna, documentNumber: 'D23145890734', optionalData: 'ABC' });
    expect(lines[0]).toBe('I<UTOD23145890<7349<ABC<<<<<<<');
    expect(parsed(parseMrz(lines, { today, specimens: true }))).toMatchObject({ documentNumber: 'D23145890734', optionalData: 'ABC' });
  });

  it('accepts the check digit some issuers compute with the filler between the two parts', () => {
    // D23145890124: without the filler the check digit is 4, with it (D23145890<124) it is 0.
    const lines = encodeTd1({ ...anna, documentNumber: 'D23145890124' }, { longNumberCheckIncludesFiller: true });
    expect(lines[0].slice(14, 20)).toBe('<1240<');
    expect(parsed(parseMrz(lines, { today, specimens: true })).documentNumber).toBe('D23145890124');
  });

  it('refuses a long number whose check digit matches neither reading', () => {
    const [upper, middle, lower] = encodeTd1({ ...anna, documentNumber: 'D23145890124' });
    const wrong = upper.replace('<1244<', '<1247<');
    expect(wrong).not.toBe(upper);
    expect(refusal(parseMrz([wrong, middle, lower], { today, specimens: true }))).toContainEqual(
      expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'documentNumber' }),
    );
  });

  it('refuses a filler check digit with nothing continuing the number', () => {
    const [upper, middle, lower] = specimens.td1.lines;
    const truncated = `${upper.slice(0, 14)}<${upper.slice(15)}`;
    expect(refusal(parseMrz([truncated, middle, lower], { today, specimens: true }))).toContainEqual(
      expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'documentNumber' }),
    );
  });

  it('does not continue a passport number into the personal number field', () => {
    const [upper, lower] = specimens.td3.lines;
    expect(refusal(parseMrz([upper, `${lower.slice(0, 9)}<${lower.slice(10)}`], { today, specimens: true }))).toContainEqual(
      expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'documentNumber' }),
    );
  });
});
