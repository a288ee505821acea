import { computeCheckDigit } from '@kluis/document-domain/browser';
import { mrzFeedback, mrzLines } from './mrz-feedback';

// Specimens printed in ICAO Doc 9303.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

const replaceAt = (line: string, index: number, character: string) => line.slice(0, index) + character + line.slice(index + 1);
const failed = (text: string) => {
  const feedback = mrzFeedback(text);
  if (feedback.state !== 'checked') throw new Error(`not checked: ${feedback.state}`);
  return feedback.checks.filter((check) => !check.ok).map((check) => check.field);
};

describe('live MRZ feedback', () => {
  it.each([
    ['TD3', TD3],
    ['TD1', TD1],
    ['TD2', TD2],
  ])('accepts the ICAO %s specimen, pasted in lower case with stray spaces and blank lines', (format, lines) => {
    const feedback = mrzFeedback(`\n  ${lines.join('\n\n').toLowerCase()}  \n`);
    expect(feedback).toMatchObject({ state: 'checked', format, ok: true, lineProblems: [] });
  });

  it('names the field whose check digit is wrong, with the digit it should be', () => {
    const feedback = mrzFeedback([TD3[0], replaceAt(TD3[1], 9, '5')].join('\n'));
    expect(feedback).toMatchObject({ ok: false });
    expect(feedback.state === 'checked' && feedback.checks.find((check) => check.field === 'documentNumber')).toEqual({
      field: 'documentNumber',
      found: '5',
      expected: 6,
      ok: false,
    });
  });

  it('catches a changed character through its field and the composite', () => {
    expect(failed([TD3[0], replaceAt(TD3[1], 14, '5')].join('\n'))).toEqual(['dateOfBirth', 'composite']);
    expect(failed([TD1[0], replaceAt(TD1[1], 10, '3'), TD1[2]].join('\n'))).toEqual(['expiresOn', 'composite']);
    expect(failed([TD2[0], replaceAt(TD2[1], 2, '4')].join('\n'))).toEqual(['documentNumber', 'composite']);
  });

  it('accepts a filler for an unused personal number on a passport', () => {
    const lower = 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<';
    const composite = computeCheckDigit(lower.slice(0, 10) + lower.slice(13, 20) + lower.slice(21, 43));
    expect(mrzFeedback([TD3[0], lower + composite].join('\n'))).toMatchObject({ ok: true });
  });

  it('checks a long document number that continues in the optional data, with or without the filler', () => {
    expect(failed(['I<UTOD23145890<7349<ABC<<<<<<<', TD1[1], TD1[2]].join('\n'))).toEqual(['composite']);
    expect(failed(['I<UTOD23145890<7340<ABC<<<<<<<', TD1[1], TD1[2]].join('\n'))).toContain('documentNumber');
  });

  it('reports lines of the wrong length or with characters an MRZ cannot hold, and checks no digits then', () => {
    const feedback = mrzFeedback([TD3[0].slice(0, 40), TD3[1].replace('ZE', 'Z-')].join('\n'));
    expect(feedback).toMatchObject({
      state: 'checked',
      format: 'TD3',
      ok: false,
      checks: [],
      lineProblems: [
        { kind: 'length', line: 1, length: 40, expected: 44 },
        { kind: 'characters', line: 2, characters: '-' },
      ],
    });
  });

  it('says nothing about an empty field and asks for two or three lines otherwise', () => {
    expect(mrzFeedback(' \n ')).toEqual({ state: 'empty' });
    expect(mrzFeedback(TD3[0])).toEqual({ state: 'unknown-layout', lineCount: 1 });
    expect(mrzLines(` ${TD3[0].toLowerCase()} \r\n\r\n${TD3[1]}`)).toEqual(TD3);
  });
});
