import { lapsesWithin } from '@kluis/document-domain';
import type { DocumentSummary } from '@kluis/read-models';

/** A verified document whose validity ends within the horizon: time to ask for a new one, before it lapses. */
export function isExpiringSoon(summary: Pick<DocumentSummary, 'status' | 'expiresOn'>, now: Date, horizonDays: number): boolean {
  if (summary.status !== 'verified' || summary.expiresOn === null) return false;
  return lapsesWithin(summary.expiresOn, now.toISOString().slice(0, 10), horizonDays);
}
