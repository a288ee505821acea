import { addDays } from './calendar';

/*
 * When an ask is due, what answers it, and when a document is due to be replaced. Dates are ISO calendar dates (YYYY-MM-DD), so they compare as strings;
 * null stands for "no date": an ask due whenever, a document valid for good.
 */

/**
 * Whether a document valid until `validUntil` answers an ask due by `dueBy`: it must still be valid after that day,
 * so a replacement asked for because the old document lapses is never answered by the document it replaces.
 */
export function outlastsDueDate(validUntil: string | null, dueBy: string | null): boolean {
  return validUntil === null || dueBy === null || validUntil > dueBy;
}

/** Whether a document valid until `validUntil` lapses within `horizonDays` of `today`: time to ask for a new one. */
export function lapsesWithin(validUntil: string, today: string, horizonDays: number): boolean {
  return validUntil <= addDays(today, horizonDays);
}

/** An ask several departments joined is due by the earliest date any of them gave; null when none gave one. */
export function earliestDueDate(dueDates: readonly (string | null)[]): string | null {
  return dueDates.filter((date): date is string => date !== null).sort()[0] ?? null;
}
