import { addBusinessDays, addDays, addMonths, isIsoDate } from './calendar';

describe('business days', () => {
  it.each([
    ['a Monday plus 5 is the next Monday', '2026-11-02T09:00:00Z', 5, '2026-11-09T09:00:00.000Z'],
    ['a Friday plus 1 is the Monday', '2026-11-06T09:00:00Z', 1, '2026-11-09T09:00:00.000Z'],
    ['a Saturday plus 1 is the Monday', '2026-11-07T09:00:00Z', 1, '2026-11-09T09:00:00.000Z'],
    ['a Wednesday plus 5 skips one weekend', '2026-11-04T12:00:00Z', 5, '2026-11-11T12:00:00.000Z'],
    ['zero days is the same moment', '2026-11-04T12:00:00Z', 0, '2026-11-04T12:00:00.000Z'],
  ])('%s', (_name, start, days, expected) => expect(addBusinessDays(new Date(start), days).toISOString()).toBe(expected));
});

describe('months', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s plus %d months is %s', (from, months, expected) => expect(addMonths(from, months)).toBe(expected));
});

describe('ISO dates', () => {
  it.each(['2026-02-28', '2028-02-29', '1974-08-12'])('accepts %s', (value) => expect(isIsoDate(value)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z', ''])('refuses %s', (value) =>
    expect(isIsoDate(value)).toBe(false));
});

describe('whole days', () => {
  it.each([
    ['across a month end', '2027-01-30', 3, '2027-02-02'],
    ['across a leap day', '2028-02-28', 1, '2028-02-29'],
    ['back, for a negative count', '2027-03-01', -1, '2027-02-28'],
    ['none', '2027-06-15', 0, '2027-06-15'],
  ])('%s', (_name, date, days, expected) => expect(addDays(date, days)).toBe(expected));
});
