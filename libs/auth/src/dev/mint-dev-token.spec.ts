import { InvalidClaimsError } from '../auth.errors';
import type { Role, Scope } from '../principal';
import { devTokenClaims, tokenLifetimeSeconds } from './mint-dev-token';

describe('dev token claims', () => {
  it('writes roles, department and the scopes as one space-separated claim', () => {
    expect(
      devTokenClaims({ sub: 'd-1', roles: ['department'], department: 'mandates', scopes: ['evidence:read', 'content:read'] }),
    ).toEqual({ sub: 'd-1', roles: ['department'], department: 'mandates', scope: 'evidence:read content:read' });
  });

  it('leaves out claims that were not asked for', () => {
    expect(devTokenClaims({ sub: 'c-1', roles: ['customer'] })).toEqual({ sub: 'c-1', roles: ['customer'] });
  });

  it.each([
    ['an unknown role', { sub: 'x', roles: ['root' as Role] }, 'roles'],
    ['an unknown scope', { sub: 'x', roles: ['reviewer' as Role], scopes: ['everything' as Scope] }, 'scope'],
    ['a department role without a department', { sub: 'x', roles: ['department' as Role] }, 'department'],
    ['a department without the department role', { sub: 'x', roles: ['reviewer' as Role], department: 'mandates' }, 'department'],
    ['an empty sub', { sub: '', roles: ['customer' as Role] }, 'sub'],
  ])('refuses %s', (_label, options, claim) => {
    expect(() => devTokenClaims(options)).toThrow(InvalidClaimsError);
    expect(() => devTokenClaims(options)).toThrow(expect.objectContaining({ claim }));
  });
});

describe('token lifetime', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['8h', 28_800],
    ['12h', 43_200],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(tokenLifetimeSeconds(text)).toBe(seconds);
  });

  it.each(['0h', '-1h', '8', 'h', '1.5h', '8 h', '8hours', '2 minutes ago'])('refuses %s', (text) => {
    expect(() => tokenLifetimeSeconds(text)).toThrow(InvalidClaimsError);
  });

  it.each(['13h', '721m', '1d', '7d'])('refuses %s, longer than the 12 hours a token may live', (text) => {
    expect(() => tokenLifetimeSeconds(text)).toThrow('must be at most 12h');
  });

  it('follows a configured maximum', () => {
    expect(tokenLifetimeSeconds('2h', 2 * 3600)).toBe(7200);
    expect(() => tokenLifetimeSeconds('3h', 2 * 3600)).toThrow('must be at most 2h');
  });
});
