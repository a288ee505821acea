import { FailedAuthentications } from './failed-authentications';

describe('failed authentications per address', () => {
  it('stops an address at the limit until its minute is over, and only that address', () => {
    let now = 1_000_000;
    const failures = new FailedAuthentications(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(failures.retryAfterSeconds('10.0.0.1')).toBe(0);
      failures.record('10.0.0.1');
    }
    now += 15_000;
    expect(failures.retryAfterSeconds('10.0.0.1')).toBe(45);
    expect(failures.retryAfterSeconds('10.0.0.2')).toBe(0);
    now += 45_000;
    expect(failures.retryAfterSeconds('10.0.0.1')).toBe(0);
  });
});
