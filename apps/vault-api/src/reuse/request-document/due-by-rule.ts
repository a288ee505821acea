import { addBusinessDays, isIsoDate } from '@kluis/document-domain';
import type { PendingEvidence } from '@kluis/read-models';

/**
 * What is wrong with a department's due date, or null. A customer gets at least the configured number of business
 * days, and a document already in review is never counted late before the bank has had its own time to check it.
 */
export function dueByProblem(dueBy: string | undefined, now: Date, minBusinessDays: number, pending: PendingEvidence | null): string | null {
  if (dueBy === undefined) return null;
  if (!isIsoDate(dueBy)) return 'must be a real date, YYYY-MM-DD';
  const earliest = addBusinessDays(now, minBusinessDays).toISOString().slice(0, 10);
  if (dueBy < earliest) return `must be at least ${minBusinessDays} business days from today: ${earliest} or later`;
  const reviewDue = pending?.reviewDueAt.slice(0, 10);
  if (reviewDue && dueBy < reviewDue) return `must not be before ${reviewDue}, when the document of this kind already in review is due to be checked`;
  return null;
}
