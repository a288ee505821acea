/**
 * The pause after `failedAttempts` failures: `baseMs` doubled after each, capped at `maxMs`, of which a random half
 * is waited, so deliverers that failed together against a recovering endpoint do not retry in lockstep.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (failedAttempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
