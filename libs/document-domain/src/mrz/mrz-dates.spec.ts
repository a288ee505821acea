import { readBirthDate, readExpiryDate } from './mrz-dates';
import { parseMrz } from './parse-mrz';
import { encodeTd1, encodeTd3, type MrzIdentity } from './testing/encode-mrz';

const on = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

describe('the century of a date of birth: the latest date not after today', () => {
  it.each([
    ['740812', '2026-03-01', '1974-08-12'],
    ['260201', '2026-03-01', '2026-02-01'],
    ['260301', '2026-03-01', '2026-03-01'],
    ['260302', '2026-03-01', '1926-03-02'],
    ['991231', '2000-01-01', '1999-12-31'],
    ['000101', '2000-01-01', '2000-01-01'],
    ['000229', '2026-03-01', '2000-02-29'],
  ])('%s read on %s is %s', (yymmdd, today, expected) => {
    expect(readBirthDate(yymmdd, on(today))).toEqual({ ok: true, isoDate: expected });
  });

  it('refuses 29 February of a century that had none (1900), however the digits look', () => {
    expect(readBirthDate('000229', on('1999-06-01'))).toMatchObject({ ok: false });
  });
});

describe('the century of an expiry date: within 50 years of today, either way', () => {
  it.each([
    ['120415', '2026-03-01', '2012-04-15'],
    ['360301', '2026-03-01', '2036-03-01'],
    ['761231', '2026-03-01', '2076-12-31'],
    ['770101', '2026-03-01', '1977-01-01'],
    ['770101', '2027-01-01', '2077-01-01'],
    ['050101', '2095-06-01', '2105-01-01'],
  ])('%s read on %s is %s', (yymmdd, today, expected) => {
    expect(readExpiryDate(yymmdd, on(today))).toEqual({ ok: true, isoDate: expected });
  });
});

describe('dates that are not dates', () => {
  const today = on('2026-03-01');
  const anna: MrzIdentity = {
    documentCode: 'P',
    issuingState: 'UTO',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    expiresOn: '2031-04-15',
  };

  it('refuses 31 February as a date of birth even when its check digit is right', () => {
    const lines = encodeTd3({ ...anna, dateOfBirth: '1974-02-31' });
    expect(lines[1].slice(13, 19)).toBe('740231');
    const result = parseMrz(lines, { today, specimens: true });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'MRZ.INVALID_DATE',
          field: 'dateOfBirth',
          message: 'date of birth is not a calendar date (no day 31 in that month)',
        },
      ],
    });
  });

  it('refuses a thirteenth month as an expiry date on an ID card', () => {
    const result = parseMrz(encodeTd1({ ...anna, documentCode: 'I', expiresOn: '2031-13-01' }), { today, specimens: true });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'MRZ.INVALID_DATE', field: 'expiresOn' })],
    });
  });

  it.each([
    ['the day', '1974-08-<<', '1974-08'],
    ['the month and day', '1974-<<-<<', '1974'],
  ])('reads a date of birth whose %s Doc 9303 gives as unknown, without guessing them', (_part, written, read) => {
    expect(parseMrz(encodeTd3({ ...anna, dateOfBirth: written }), { today, specimens: true })).toMatchObject({ ok: true, mrz: { dateOfBirth: read } });
  });

  it('puts a partly unknown birth month or year later than today a century back', () => {
    expect(parseMrz(encodeTd3({ ...anna, dateOfBirth: '2026-04-<<' }), { today, specimens: true })).toMatchObject({ mrz: { dateOfBirth: '1926-04' } });
    expect(parseMrz(encodeTd3({ ...anna, dateOfBirth: '2026-03-<<' }), { today, specimens: true })).toMatchObject({ mrz: { dateOfBirth: '2026-03' } });
    expect(parseMrz(encodeTd3({ ...anna, dateOfBirth: '2027-<<-<<' }), { today, specimens: true })).toMatchObject({ mrz: { dateOfBirth: '1927' } });
  });

  it.each([
    ['a day without its month', '1974-<<-12'],
    ['a wholly unknown date', '<<<<-<<-<<'],
    ['a thirteenth month', '1974-13-<<'],
  ])('refuses %s as a date of birth', (_case, written) => {
    const result = parseMrz(encodeTd3({ ...anna, dateOfBirth: written }), { today, specimens: true });
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'MRZ.INVALID_DATE', field: 'dateOfBirth' })] });
  });

  it('refuses fillers in an expiry date, which Doc 9303 never leaves unknown', () => {
    const result = parseMrz(encodeTd3({ ...anna, expiresOn: '2031-04-<<' }), { today, specimens: true });
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'MRZ.INVALID_DATE', field: 'expiresOn', message: expect.stringContaining('unknown') })] });
  });

  it('refuses a letter in a date even when the check digit was computed over it', () => {
    const result = parseMrz(encodeTd3({ ...anna, expiresOn: '2031-O4-15' }), { today, specimens: true });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'MRZ.INVALID_DATE', field: 'expiresOn' })],
    });
  });
});
