import { InvalidClaimsError } from './auth.errors';
import {
  hasAnyRole,
  hasRole,
  hasScope,
  isCustomerOnly,
  isDepartmentPrincipal,
  isDepartmentWithScope,
  principalFromClaims,
  type Principal,
} from './principal';

const refusal = (claims: Record<string, unknown>): InvalidClaimsError => {
  try {
    principalFromClaims(claims);
  } catch (error) {
    if (error instanceof InvalidClaimsError) return error;
    throw error;
  }
  throw new Error('expected the claims to be refused');
};

describe('principal from claims', () => {
  it('reads a customer', () => {
    expect(principalFromClaims({ sub: 'c-123', roles: ['customer'] })).toEqual({
      sub: 'c-123',
      roles: ['customer'],
      scopes: [],
    });
  });

  it('reads an address the identity provider verified', () => {
    expect(principalFromClaims({ sub: 'c-123', roles: ['customer'], email: 'maria@example.nl', email_verified: true }).email).toBe('maria@example.nl');
  });

  it.each([
    ['an unverified address', { email: 'maria@example.nl' }],
    ['an address verified only as a string', { email: 'maria@example.nl', email_verified: 'true' }],
    ['two addresses', { email: 'maria@example.nl, all@example.nl', email_verified: true }],
    ['a header in an address', { email: 'maria@example.nl\r\nBcc: all@example.nl', email_verified: true }],
  ])('ignores %s, which can only mean no mail', (_label, claims) => {
    expect(principalFromClaims({ sub: 'c-123', roles: ['customer'], ...claims })).not.toHaveProperty('email');
  });

  it('reads a department with its space-separated scopes', () => {
    expect(
      principalFromClaims({
        sub: 'svc-mandates',
        roles: ['department'],
        department: 'mandates',
        scope: 'evidence:read references:write',
      }),
    ).toEqual({
      sub: 'svc-mandates',
      roles: ['department'],
      department: 'mandates',
      scopes: ['evidence:read', 'references:write'],
    });
  });

  it('ignores roles and scopes of other applications, which can only take privileges away', () => {
    const principal = principalFromClaims({
      sub: 'r-1',
      roles: ['crm-admin', 'reviewer', 'reviewer'],
      scope: 'openid profile  content:read',
    });
    expect(principal.roles).toEqual(['reviewer']);
    expect(principal.scopes).toEqual(['content:read']);
  });

  it('refuses a token with no Kluis role at all', () => {
    expect(refusal({ sub: 'x', roles: ['crm-admin'] }).claim).toBe('roles');
    expect(refusal({ sub: 'x', roles: [] }).claim).toBe('roles');
  });

  it.each([
    ['missing', undefined],
    ['a string', 'customer'],
    ['an array with a non-string', ['customer', 7]],
    ['an object', { customer: true }],
  ])('refuses roles that are %s', (_label, roles) => {
    expect(refusal({ sub: 'x', roles }).claim).toBe('roles');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 42],
    ['containing a space', 'c 1'],
    ['containing a control character', 'c\n1'],
    ['longer than 255 characters', 'c'.repeat(256)],
  ])('refuses a sub that is %s', (_label, sub) => {
    expect(refusal({ sub, roles: ['customer'] }).claim).toBe('sub');
  });

  it('refuses a scope claim that is not a string', () => {
    expect(refusal({ sub: 'x', roles: ['department'], department: 'mandates', scope: ['evidence:read'] }).claim).toBe(
      'scope',
    );
  });

  it('requires a department claim for the department role', () => {
    expect(refusal({ sub: 'x', roles: ['department'] }).claim).toBe('department');
    expect(refusal({ sub: 'x', roles: ['department'], department: '' }).claim).toBe('department');
    expect(refusal({ sub: 'x', roles: ['department'], department: 7 }).claim).toBe('department');
  });

  it.each(['Mandates', 'mandates team', '-mandates', 'mandates/../x'])('refuses the department id "%s"', (department) => {
    expect(refusal({ sub: 'x', roles: ['department'], department }).claim).toBe('department');
  });

  it('drops a department claim from a principal without the department role', () => {
    expect(principalFromClaims({ sub: 'r-1', roles: ['reviewer'], department: 'mandates' }).department).toBeUndefined();
  });

  it('never names a claim value in its error', () => {
    expect(refusal({ sub: 'secret sub', roles: ['customer'] }).message).not.toContain('secret');
  });

  it('returns a principal that cannot be changed afterwards', () => {
    const principal = principalFromClaims({ sub: 'c-1', roles: ['customer'] });
    expect(Object.isFrozen(principal)).toBe(true);
    expect(Object.isFrozen(principal.roles)).toBe(true);
    expect(Object.isFrozen(principal.scopes)).toBe(true);
  });
});

describe('principal helpers', () => {
  const customer: Principal = { sub: 'c-1', roles: ['customer'], scopes: [] };
  const customerAndReviewer: Principal = { sub: 'c-2', roles: ['customer', 'reviewer'], scopes: [] };
  const mandates: Principal = { sub: 'd-1', roles: ['department'], department: 'mandates', scopes: ['evidence:read'] };

  it('answers role and scope questions', () => {
    expect(hasRole(customerAndReviewer, 'reviewer')).toBe(true);
    expect(hasRole(customer, 'reviewer')).toBe(false);
    expect(hasAnyRole(customer, 'reviewer', 'customer')).toBe(true);
    expect(hasAnyRole(customer, 'reviewer', 'admin')).toBe(false);
    expect(hasScope(mandates, 'evidence:read')).toBe(true);
    expect(hasScope(mandates, 'content:read')).toBe(false);
  });

  it('tells a customer and nothing more from a customer who is also staff', () => {
    expect(isCustomerOnly(customer)).toBe(true);
    expect(isCustomerOnly(customerAndReviewer)).toBe(false);
    expect(isCustomerOnly({ sub: 'x', roles: [], scopes: [] })).toBe(false);
  });

  it('recognises a department principal and its scopes', () => {
    expect(isDepartmentPrincipal(mandates)).toBe(true);
    expect(isDepartmentPrincipal(customer)).toBe(false);
    expect(isDepartmentWithScope(mandates, 'evidence:read')).toBe(true);
    expect(isDepartmentWithScope(mandates, 'references:write')).toBe(false);
    expect(isDepartmentPrincipal({ sub: 'x', roles: ['department'], scopes: [] })).toBe(false);
  });
});
