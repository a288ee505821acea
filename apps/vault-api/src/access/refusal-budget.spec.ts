import type { Principal } from '@kluis/auth';
import { MovableClock } from '../../../../test/support/movable-clock';
import type { ServerConfig } from '../config/config-slices';
import { RefusalBudget } from './refusal-budget';

const prober: Principal = { sub: 'C-prober', roles: ['customer'], scopes: [] };
const other: Principal = { sub: 'C-other', roles: ['customer'], scopes: [] };

describe('the refusal budget', () => {
  const clock = new MovableClock(new Date('2026-12-07T10:00:00Z'));
  const budget = new RefusalBudget({ rateLimitPerMinute: 30 } as ServerConfig, clock);

  it('lets a principal be refused a tenth of the rate limit in a minute, then stops that principal only', () => {
    for (let refusal = 0; refusal < 2; refusal += 1) budget.charge(prober);
    expect(budget.exhausted(prober)).toBe(false);
    budget.charge(prober);
    expect(budget.exhausted(prober)).toBe(true);
    expect(budget.exhausted(other)).toBe(false);
  });

  it('starts afresh the next minute', () => {
    clock.advance(60_000);
    expect(budget.exhausted(prober)).toBe(false);
  });
});
