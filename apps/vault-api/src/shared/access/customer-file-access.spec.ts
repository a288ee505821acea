import { DEFAULT_DEPARTMENT_POLICIES, type Principal, type Role, type Scope } from '@kluis/auth';
import { assertFileAccess, type FileAction, type FileTarget } from './customer-file-access';
import { AccessRefused, NotVisible } from './policy/access.errors';

const maria = 'maria';
const someone = (roles: Role[], extra: { sub?: string; department?: string; scopes?: Scope[] } = {}): Principal => ({
  sub: extra.sub ?? `${roles.join('-')}-1`,
  roles,
  scopes: extra.scopes ?? [],
  ...(extra.department ? { department: extra.department } : {}),
});
const owner = someone(['customer'], { sub: maria });
const otherCustomer = someone(['customer'], { sub: 'jan' });
const reviewer = someone(['reviewer']);
const support = someone(['admin']);
// Mortgages sees identity, address and power-of-attorney documents and deeds, and downloads deeds and proofs of address.
const mortgages = someone(['department'], { department: 'mortgages', scopes: ['evidence:read', 'content:read'] });

const outcome = (principal: Principal, target: FileTarget, action: FileAction): string => {
  try {
    assertFileAccess(principal, target, action, DEFAULT_DEPARTMENT_POLICIES);
    return 'allowed';
  } catch (error) {
    if (error instanceof NotVisible) return 'not visible';
    if (error instanceof AccessRefused) return `refused: ${error.message}`;
    throw error;
  }
};

describe("who reaches a customer's file", () => {
  const passport: FileTarget = { customerId: maria, type: 'passport' };
  const deed: FileTarget = { customerId: maria, type: 'notarial-power-of-attorney' };

  it('lets the customer reach their own file, and hides it from every other customer', () => {
    expect(outcome(owner, passport, 'read')).toBe('allowed');
    expect(outcome(otherCustomer, passport, 'read')).toBe('not visible');
    expect(outcome(otherCustomer, { customerId: maria }, 'chip-reading')).toBe('not visible');
  });

  it('lets reviewers reach any file, but not revoke', () => {
    expect(outcome(reviewer, deed, 'history')).toBe('allowed');
    expect(outcome(reviewer, passport, 'revoke')).toBe('refused: Only support revokes documents.');
  });

  it('lets only support revoke, whoever owns the document', () => {
    expect(outcome(support, passport, 'revoke')).toBe('allowed');
    expect(outcome(owner, passport, 'revoke')).toBe('refused: Only support revokes documents.');
    expect(outcome(support, passport, 'read')).toBe('refused: Your role may not read documents here.');
  });

  it('shows a department only the types its policy covers, and refuses what its scope or policy never allows', () => {
    const extract: FileTarget = { customerId: maria, type: 'chamber-of-commerce-extract' };
    expect(outcome(mortgages, passport, 'read')).toBe('allowed');
    expect(outcome(mortgages, { customerId: maria, type: 'notarial-deed' }, 'content')).toBe('allowed');
    expect(outcome(mortgages, extract, 'read')).toBe('not visible');
    expect(outcome(mortgages, extract, 'content')).toBe('not visible');
    expect(outcome(mortgages, passport, 'content')).toBe('refused: Your department may not download this type of document.');
    expect(outcome(mortgages, passport, 'history')).toBe("refused: Your role may not read a document's history here.");
    expect(outcome(mortgages, { customerId: maria }, 'chip-reading')).toBe('refused: Your role may not file chip readings here.');
  });

  it('counts a scope only when the token and the department policy both grant it', () => {
    const withoutScope = someone(['department'], { department: 'payments' });
    expect(outcome(withoutScope, passport, 'read')).toBe('refused: Your role may not read documents here.');
    // Payments' policy grants neither filing nor downloading, whatever its token says.
    const beyondPolicy = someone(['department'], { department: 'payments', scopes: ['documents:write', 'content:read'] });
    expect(outcome(beyondPolicy, passport, 'content')).toBe('refused: Your role may not download documents here.');
    expect(outcome(beyondPolicy, { customerId: maria }, 'submit')).toBe('refused: Your role may not submit documents here.');
  });
});
