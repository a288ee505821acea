import type { DocumentSummary } from '@kluis/read-models';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A verified document whose validity ends within the horizon: time to ask for a new one, before it lapses. */
export function isExpiringSoon(summary: Pick<DocumentSummary, 'status' | 'expiresOn'>, now: Date, horizonDays: number): boolean {
  if (summary.status !== 'verified' || summary.expiresOn === null) return false;
  const horizon = new Date(now.getTime() + horizonDays * DAY_MS).toISOString().slice(0, 10);
  return summary.expiresOn <= horizon;
}
