import { countdown } from './countdown';

describe('the SLA countdown', () => {
  const now = Date.parse('2026-05-04T09:00:00Z');

  it('counts down in days, then hours, then minutes', () => {
    expect(countdown('2026-05-06T12:00:00Z', now)).toEqual({ overdue: false, amount: 2, unit: 'day' });
    expect(countdown('2026-05-04T14:59:00Z', now)).toEqual({ overdue: false, amount: 5, unit: 'hour' });
    expect(countdown('2026-05-04T09:42:30Z', now)).toEqual({ overdue: false, amount: 42, unit: 'minute' });
  });

  it('counts up once the deadline has passed', () => {
    expect(countdown('2026-05-04T06:00:00Z', now)).toEqual({ overdue: true, amount: 3, unit: 'hour' });
    expect(countdown('2026-04-30T09:00:00Z', now)).toEqual({ overdue: true, amount: 4, unit: 'day' });
  });
});
