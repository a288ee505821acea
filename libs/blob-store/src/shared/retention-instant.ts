/**
 * The retention instant the stores keep for `until`: whole seconds, rounded up so that rounding never shortens a
 * retention, and the same whatever precision the server keeps.
 */
export function retentionInstant(until: Date): Date {
  const ms = until instanceof Date ? until.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError('retainUntil needs a valid date');
  return new Date(Math.ceil(ms / 1000) * 1000);
}
