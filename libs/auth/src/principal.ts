import { InvalidClaimsError } from './auth.errors';

export const ROLES = ['customer', 'reviewer', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['evidence:read', 'content:read', 'references:write', 'requests:write', 'documents:write'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling. A customer's `sub` is their customer id; `department` is set for department principals only. */
export interface Principal {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly department?: string;
  readonly scopes: readonly Scope[];
  /** An address the identity provider verified (`email` with `email_verified: true`); notices are mailed to it until the customer sets one. */
  readonly email?: string;
}

export type DepartmentPrincipal = Principal & { readonly department: string };

// Printable ASCII without spaces: a sub ends up in stream names, audit records and log lines.
const SUB_PATTERN = /^[\x21-\x7e]{1,255}$/;
// Department ids key the access policies and are shown to customers, so one spelling per department.
const DEPARTMENT_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isScope = (value: unknown): value is Scope => (SCOPES as readonly unknown[]).includes(value);
export const isValidDepartment = (value: string): boolean => DEPARTMENT_PATTERN.test(value);

export const hasRole = (principal: Principal, role: Role): boolean => principal.roles.includes(role);

export const hasAnyRole = (principal: Principal, ...roles: Role[]): boolean => roles.some((role) => hasRole(principal, role));

export const hasScope = (principal: Principal, scope: Scope): boolean => principal.scopes.includes(scope);

/** A customer and nothing more: such a caller only ever sees their own file. */
export const isCustomerOnly = (principal: Principal): boolean =>
  principal.roles.length > 0 && principal.roles.every((role) => role === 'customer');

export const isDepartmentPrincipal = (principal: Principal): principal is DepartmentPrincipal =>
  hasRole(principal, 'department') && typeof principal.department === 'string';

/** A department principal holding the scope, narrowed so `department` can be used without a check. */
export const isDepartmentWithScope = (principal: Principal, scope: Scope): principal is DepartmentPrincipal =>
  isDepartmentPrincipal(principal) && hasScope(principal, scope);

/**
 * Builds a principal from verified JWT claims, or throws InvalidClaimsError.
 *
 * Role and scope names Kluis does not know are ignored rather than refused: the tokens come from the bank's shared
 * identity provider, which also puts other applications' roles and the standard OIDC scopes (`openid`, `profile`)
 * in them, and ignoring a name can only take privileges away, never grant one. A token left with no Kluis role at
 * all is refused, since it could not be authorized for anything. Malformed claims (wrong types) are always refused.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): Principal {
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidClaimsError('sub', 'must be a non-empty string');
  if (!SUB_PATTERN.test(sub)) throw new InvalidClaimsError('sub', 'must be at most 255 printable characters without spaces');

  const roles = parseRoles(claims['roles']);
  const scopes = parseScopes(claims['scope']);
  const email = verifiedEmail(claims);
  const contact = email === undefined ? {} : { email };

  if (!roles.includes('department')) return freeze({ sub, roles, scopes, ...contact });

  const department = claims['department'];
  if (typeof department !== 'string' || department.length === 0) {
    throw new InvalidClaimsError('department', 'is required for the department role');
  }
  if (!isValidDepartment(department)) {
    throw new InvalidClaimsError('department', 'must be a lowercase id (a-z, 0-9, "-"), starting with a letter');
  }
  return freeze({ sub, roles, department, scopes, ...contact });
}

function parseRoles(value: unknown): Role[] {
  if (!Array.isArray(value) || !value.every((role): role is string => typeof role === 'string')) {
    throw new InvalidClaimsError('roles', 'must be an array of strings');
  }
  const roles = unique(value.filter(isRole));
  if (roles.length === 0) throw new InvalidClaimsError('roles', `must contain one of ${ROLES.join(', ')}`);
  return roles;
}

function parseScopes(value: unknown): Scope[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') throw new InvalidClaimsError('scope', 'must be a space-separated string');
  return unique(value.split(' ').filter(isScope));
}

// One address, nothing that could add a header or a second recipient to a mail.
const EMAIL_PATTERN = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** An unverified or malformed address is ignored, like an unknown role: ignoring it only means no mail. */
function verifiedEmail(claims: Readonly<Record<string, unknown>>): string | undefined {
  const email = claims['email'];
  if (claims['email_verified'] !== true || typeof email !== 'string' || email.length > 254 || !EMAIL_PATTERN.test(email)) return undefined;
  return email;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function freeze(principal: Principal): Principal {
  Object.freeze(principal.roles);
  Object.freeze(principal.scopes);
  return Object.freeze(principal);
}
