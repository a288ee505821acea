import { MrzRefused } from './mrz-error';
import { parseMrz } from './parse-mrz';
import specimens from './testing/icao-9303-specimens.json';

describe('refusing an approval over its MRZ', () => {
  it('is a validation error naming each faulty field once, so the API can answer 400', () => {
    const [upper, lower] = specimens.td3.lines;
    const result = parseMrz([upper, lower.replace('7408122', '7413122')], { today: new Date('2026-03-01T00:00:00Z'), specimens: true });
    if (result.ok) throw new Error('expected a refusal');

    const refusal = new MrzRefused(result.errors);

    expect(refusal).toMatchObject({ code: 'MRZ.REFUSED', kind: 'validation', fields: ['dateOfBirth', 'composite'] });
    expect(result.errors.map((error) => [error.code, error.field])).toEqual([
      ['MRZ.CHECK_DIGIT', 'dateOfBirth'],
      ['MRZ.INVALID_DATE', 'dateOfBirth'],
      ['MRZ.CHECK_DIGIT', 'composite'],
    ]);
    expect(refusal.message).toContain('date of birth check digit is 2 but the characters it protects give 8');
    expect(refusal.message).toContain('date of birth is not a calendar date (no month 13)');
  });
});
