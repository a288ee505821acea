import { addBusinessDays, isIsoDate } from '../calendar';
import { DueDateRefused } from './document-request.errors';

/**
 * A department's due date must give the customer at least the configured number of business days, and a document
 * already in review is never counted late before the bank has had its own time to check it.
 */
export function assertDueByAllowed(dueBy: string | undefined, now: Date, minBusinessDays: number, pendingReviewDueAt: string | null): void {
  if (dueBy === undefined) return;
  if (!isIsoDate(dueBy)) throw new DueDateRefused('must be a real date, YYYY-MM-DD');
  const earliest = addBusinessDays(now, minBusinessDays).toISOString().slice(0, 10);
  if (dueBy < earliest) throw new DueDateRefused(`must be at least ${minBusinessDays} business days from today: ${earliest} or later`);
  const reviewDue = pendingReviewDueAt?.slice(0, 10);
  if (reviewDue && dueBy < reviewDue) throw new DueDateRefused(`must not be before ${reviewDue}, when the document of this kind already in review is due to be checked`);
}
