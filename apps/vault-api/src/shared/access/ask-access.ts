import { type DepartmentPolicies, type DepartmentPolicy, departmentPolicyOf, type Principal } from '@kluis/auth';
import { NotVisible } from './policy/access.errors';
import { grantsHeld, isDepartmentGrant } from './policy/may';

/**
 * Which of a customer's asks this principal sees: every kind (undefined) for the customer and reviewers, the kinds
 * its policy covers for a department. Anyone else's asks are NotVisible. Role and scope were checked by the route.
 */
export function visibleAskKinds(principal: Principal, customerId: string, policies: DepartmentPolicies): DepartmentPolicy['evidenceKinds'] | undefined {
  const held = grantsHeld(principal, 'request.read', policies);
  if (held.includes('reviewer') || (held.includes('customer') && principal.sub === customerId)) return undefined;
  if (held.some(isDepartmentGrant)) return departmentPolicyOf(principal, policies)!.evidenceKinds;
  throw new NotVisible();
}

/** One ask is seen by its customer, by reviewers and by the departments that asked; to anyone else it is NotVisible. */
export function assertMaySeeAsk(principal: Principal, ask: { readonly customerId: string; readonly askers: readonly { readonly department: string }[] }, policies: DepartmentPolicies): void {
  const held = grantsHeld(principal, 'request.read', policies);
  if (held.includes('reviewer') || (held.includes('customer') && principal.sub === ask.customerId)) return;
  if (held.some(isDepartmentGrant) && ask.askers.some((asker) => asker.department === principal.department)) return;
  throw new NotVisible();
}
