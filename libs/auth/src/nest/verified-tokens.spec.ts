import { UnsecuredJWT } from 'jose';
import type { Principal } from '../principal';
import { VerifiedTokens } from './verified-tokens';

const customer: Principal = { sub: 'c-1', roles: ['customer'], scopes: [] };
const tokenExpiringAt = (seconds: number) => new UnsecuredJWT({ sub: 'c-1' }).setExpirationTime(seconds).encode();

describe('verified tokens', () => {
  it('remembers a token until it expires', () => {
    let now = 1_000_000_000;
    const verified = new VerifiedTokens(() => now);
    const token = tokenExpiringAt(now / 1000 + 60);
    verified.remember(token, customer);
    expect(verified.principalOf(token)).toBe(customer);
    expect(verified.principalOf(tokenExpiringAt(now / 1000 + 61))).toBeUndefined();
    now += 60_000;
    expect(verified.principalOf(token)).toBeUndefined();
  });

  it('forgets a long-lived token after five minutes, so a withdrawn key stops working soon', () => {
    let now = 1_000_000_000;
    const verified = new VerifiedTokens(() => now);
    const token = tokenExpiringAt(now / 1000 + 3600);
    verified.remember(token, customer);
    now += 5 * 60_000 - 1;
    expect(verified.principalOf(token)).toBe(customer);
    now += 1;
    expect(verified.principalOf(token)).toBeUndefined();
  });
});
