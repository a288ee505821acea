import { computeCheckDigit, mrzCharacterValue } from './check-digit';
import specimens from './testing/icao-9303-specimens.json';

describe('MRZ check digits (7-3-1)', () => {
  it('values the filler as 0, digits as themselves and A to Z as 10 to 35', () => {
    expect(['<', '0', '9', 'A', 'K', 'Z'].map(mrzCharacterValue)).toEqual([0, 0, 9, 10, 20, 35]);
  });

  it('weights the characters 7, 3, 1 in turn and keeps the sum modulo 10', () => {
    // 5×7 + 2×3 + 0×1 + 7×7 + 2×3 + 7×1 = 103
    expect(computeCheckDigit('520727')).toBe(3);
    // L=21: 21×7 + 8×3 + 9 + 8×7 + 9×3 + 0 + 2×7 + C=12×3 + 3 = 316
    expect(computeCheckDigit('L898902C3')).toBe(6);
    expect(computeCheckDigit('740812')).toBe(2);
  });

  it('gives 0 for a field of fillers', () => {
    expect(computeCheckDigit('<<<<<<<<<<<<<<')).toBe(0);
  });

  it('refuses a character outside the MRZ alphabet instead of inventing a value for it', () => {
    expect(() => computeCheckDigit('AB c')).toThrow(RangeError);
    expect(() => computeCheckDigit('a')).toThrow(RangeError);
  });
});

describe('the ICAO Doc 9303 specimens we test against', () => {
  const td3 = specimens.td3.lines[1];
  const [td1Upper, td1Middle] = specimens.td1.lines;

  it('have the line lengths of their layouts', () => {
    expect(specimens.td3.lines.map((line) => line.length)).toEqual([44, 44]);
    expect(specimens.td1.lines.map((line) => line.length)).toEqual([30, 30, 30]);
  });

  it('print a right check digit everywhere on the passport (TD3)', () => {
    expect({
      documentNumber: computeCheckDigit(td3.slice(0, 9)),
      dateOfBirth: computeCheckDigit(td3.slice(13, 19)),
      expiresOn: computeCheckDigit(td3.slice(21, 27)),
      personalNumber: computeCheckDigit(td3.slice(28, 42)),
      composite: computeCheckDigit(td3.slice(0, 10) + td3.slice(13, 20) + td3.slice(21, 43)),
    }).toEqual({
      documentNumber: Number(td3[9]),
      dateOfBirth: Number(td3[19]),
      expiresOn: Number(td3[27]),
      personalNumber: Number(td3[42]),
      composite: Number(td3[43]),
    });
    expect([td3[9], td3[19], td3[27], td3[42], td3[43]].join('')).toBe('62910');
  });

  it('print a right check digit everywhere on the ID card (TD1)', () => {
    expect({
      documentNumber: computeCheckDigit(td1Upper.slice(5, 14)),
      dateOfBirth: computeCheckDigit(td1Middle.slice(0, 6)),
      expiresOn: computeCheckDigit(td1Middle.slice(8, 14)),
      composite: computeCheckDigit(
        td1Upper.slice(5, 30) + td1Middle.slice(0, 7) + td1Middle.slice(8, 15) + td1Middle.slice(18, 29),
      ),
    }).toEqual({
      documentNumber: Number(td1Upper[14]),
      dateOfBirth: Number(td1Middle[6]),
      expiresOn: Number(td1Middle[14]),
      composite: Number(td1Middle[29]),
    });
    expect([td1Upper[14], td1Middle[6], td1Middle[14], td1Middle[29]].join('')).toBe('7296');
  });
});
