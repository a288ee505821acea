import { homePath, sessionFromToken } from './session';
import { unsignedJwt } from './unsigned-jwt.fixture';

describe('the session', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');
  const exp = now / 1000 + 3600;

  it('reads who the token is for and until when', () => {
    const token = unsignedJwt({ sub: 'mandates-desk', roles: ['department', 'superuser'], department: 'mandates', exp });
    expect(sessionFromToken(token, now)).toEqual({ token, sub: 'mandates-desk', roles: ['department'], department: 'mandates', expiresAt: exp * 1000 });
  });

  it('has none for an expired or unreadable token', () => {
    expect(sessionFromToken(unsignedJwt({ sub: 'anna', roles: ['reviewer'], exp: now / 1000 }), now)).toBeNull();
    expect(sessionFromToken('not-a-token', now)).toBeNull();
  });

  it('starts reviewers at the desk and customers at their documents', () => {
    const session = (roles: string[]) => sessionFromToken(unsignedJwt({ sub: 'x', roles, exp }), now)!;
    expect(homePath(session(['reviewer']))).toBe('/review');
    expect(homePath(session(['customer']))).toBe('/my-documents');
    expect(homePath(session(['department']))).toBe('/department');
  });
});
