import { dueByProblem } from './due-by-rule';

// A Monday: ten business days later is Monday 21 December.
const now = new Date('2026-12-07T10:00:00.000Z');
const pending = { documentId: 'd-1', reviewDueAt: '2026-12-23T10:00:00.000Z' };

describe('a department\'s due date', () => {
  it('may be left out: the ask then has no date to be late against', () => expect(dueByProblem(undefined, now, 10, null)).toBeNull());

  it('must be a real calendar date', () => {
    expect(dueByProblem('2026-02-31', now, 10, null)).toMatch(/real date/);
    expect(dueByProblem('31-12-2026', now, 10, null)).toMatch(/real date/);
  });

  it('gives the customer at least the configured business days, weekends not counted', () => {
    expect(dueByProblem('2026-12-06', now, 10, null)).toMatch(/at least 10 business days.*2026-12-21/);
    expect(dueByProblem('2026-12-18', now, 10, null)).toMatch(/2026-12-21/);
    expect(dueByProblem('2026-12-21', now, 10, null)).toBeNull();
    expect(dueByProblem('2026-12-09', now, 2, null)).toBeNull();
  });

  it('is never before a document of the kind in review is due to be checked', () => {
    expect(dueByProblem('2026-12-22', now, 10, pending)).toMatch(/must not be before 2026-12-23/);
    expect(dueByProblem('2026-12-23', now, 10, pending)).toBeNull();
  });
});
