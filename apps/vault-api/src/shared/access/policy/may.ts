import { departmentMay, type DepartmentPolicies, type DepartmentPolicy, departmentPolicyOf, type DepartmentPrincipal, hasRole, isDepartmentPrincipal, type Principal, type Scope } from '@kluis/auth';
import { AccessRefused } from './access.errors';
import { ACCESS_RULES, type Grant } from './access-rules';
import type { Action } from './action';

const DEPARTMENT = 'department:';

const holds = (principal: Principal, grant: Grant, policies: DepartmentPolicies): boolean =>
  grant.startsWith(DEPARTMENT) ? departmentMay(principal, policies, grant.slice(DEPARTMENT.length) as Scope) : hasRole(principal, grant as Exclude<Grant, `department:${string}`>);

/** The grants of the action's rule this principal holds; none means it may not even try. */
export const grantsHeld = (principal: Principal, action: Action, policies: DepartmentPolicies): Grant[] =>
  ACCESS_RULES[action].grants.filter((grant) => holds(principal, grant, policies));

export const isDepartmentGrant = (grant: Grant): boolean => grant.startsWith(DEPARTMENT);

/** Refuses (AccessRefused) a principal holding none of the action's grants. */
export function assertMay(principal: Principal, action: Action, policies: DepartmentPolicies): void {
  if (grantsHeld(principal, action, policies).length === 0) throw new AccessRefused(ACCESS_RULES[action].refusal);
}

/**
 * The department a department-only route admitted, with its policy. The route's guard already refused everyone
 * else, so a miss here means the route names the wrong action: a fault of the vault, not of the caller.
 */
export function admittedDepartment(principal: Principal, policies: DepartmentPolicies): { principal: DepartmentPrincipal; policy: DepartmentPolicy } {
  const policy = departmentPolicyOf(principal, policies);
  if (!policy || !isDepartmentPrincipal(principal)) throw new Error('a department route admitted a principal that is no known department');
  return { principal, policy };
}
