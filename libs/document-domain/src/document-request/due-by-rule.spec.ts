import { DueDateRefused } from './document-request.errors';
import { assertDueByAllowed } from './due-by-rule';

// A Monday: ten business days later is Monday 21 December.
const now = new Date('2026-12-07T10:00:00.000Z');
const pending = '2026-12-23T10:00:00.000Z';

/** The refusal's message, or null when the date is allowed. */
function refusal(dueBy: string | undefined, minBusinessDays: number, pendingReviewDueAt: string | null): string | null {
  try {
    assertDueByAllowed(dueBy, now, minBusinessDays, pendingReviewDueAt);
    return null;
  } catch (error) {
    if (!(error instanceof DueDateRefused)) throw error;
    expect(error.fields).toEqual(['dueBy']);
    return error.message;
  }
}

describe('a department\'s due date', () => {
  it('may be left out: the ask then has no date to be late against', () => expect(refusal(undefined, 10, null)).toBeNull());

  it('must be a real calendar date', () => {
    expect(refusal('2026-02-31', 10, null)).toMatch(/real date/);
    expect(refusal('31-12-2026', 10, null)).toMatch(/real date/);
  });

  it('gives the customer at least the configured business days, weekends not counted', () => {
    expect(refusal('2026-12-06', 10, null)).toMatch(/at least 10 business days.*2026-12-21/);
    expect(refusal('2026-12-18', 10, null)).toMatch(/2026-12-21/);
    expect(refusal('2026-12-21', 10, null)).toBeNull();
    expect(refusal('2026-12-09', 2, null)).toBeNull();
  });

  it('is never before a document of the kind in review is due to be checked', () => {
    expect(refusal('2026-12-22', 10, pending)).toMatch(/must not be before 2026-12-23/);
    expect(refusal('2026-12-23', 10, pending)).toBeNull();
  });
});
