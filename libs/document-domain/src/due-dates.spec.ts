import { earliestDueDate, lapsesWithin, outlastsDueDate } from './due-dates';

describe('a document answers an ask only if it outlasts the due date', () => {
  it.each([
    ['2027-06-30', '2027-06-01', true],
    ['2027-06-02', '2027-06-01', true],
    ['2027-06-01', '2027-06-01', false],
    ['2027-05-31', '2027-06-01', false],
  ])('a document valid until %s, for an ask due by %s: %j', (validUntil, dueBy, answers) => {
    expect(outlastsDueDate(validUntil, dueBy)).toBe(answers);
  });

  it('a document valid for good outlasts any due date', () => {
    expect(outlastsDueDate(null, '2099-12-31')).toBe(true);
  });

  it('any document answers an ask with no due date', () => {
    expect(outlastsDueDate('2027-01-01', null)).toBe(true);
  });
});

describe('an ask several departments joined', () => {
  it('is due by the earliest date any of them gave', () => {
    expect(earliestDueDate(['2027-09-01', null, '2027-06-15', '2027-07-01'])).toBe('2027-06-15');
  });

  it('has no due date when none of them gave one', () => {
    expect(earliestDueDate([null, null])).toBeNull();
    expect(earliestDueDate([])).toBeNull();
  });
});

describe('a document due to be replaced', () => {
  it.each([
    ['2027-06-30', true],
    ['2027-07-01', true],
    ['2027-07-02', false],
  ])('valid until %s, on 2027-06-01 with a 30-day horizon: lapses within it %j', (validUntil, lapses) => {
    expect(lapsesWithin(validUntil, '2027-06-01', 30)).toBe(lapses);
  });
});
