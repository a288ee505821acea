export type CountdownUnit = 'day' | 'hour' | 'minute';

export interface Countdown {
  readonly overdue: boolean;
  /** Whole units until the deadline, or since it passed. */
  readonly amount: number;
  readonly unit: CountdownUnit;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Time left until a review is due, in the largest unit that is at least one, rounded down. */
export function countdown(dueAt: string, now: number): Countdown {
  const left = Date.parse(dueAt) - now;
  const overdue = left < 0;
  const span = Math.abs(left);
  if (span >= DAY) return { overdue, amount: Math.floor(span / DAY), unit: 'day' };
  if (span >= HOUR) return { overdue, amount: Math.floor(span / HOUR), unit: 'hour' };
  return { overdue, amount: Math.floor(span / MINUTE), unit: 'minute' };
}
