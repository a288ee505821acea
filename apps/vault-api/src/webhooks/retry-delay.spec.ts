import { retryDelayMs } from './retry-delay';

describe('the pause between attempts', () => {
  it('doubles after each failure, between half and all of the doubled base', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, 100, 60_000, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, 100, 60_000, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the maximum, however many failures', () => {
    expect(retryDelayMs(10, 1000, 5000, () => 1)).toBe(5000);
    expect(retryDelayMs(5000, 1000, 5000, () => 1)).toBe(5000);
    expect(retryDelayMs(5000, 1000, 5000, () => 0)).toBe(2500);
  });

  it('spreads deliverers that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2000);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(4000);
  });
});
