import { departmentPolicyOf, type DepartmentPolicies, hasRole, type Principal } from '@kluis/auth';
import type { Actor, DocumentType } from '@kluis/document-domain';
import { AccessRefused, NotVisible } from './policy/access.errors';
import { ACCESS_RULES } from './policy/access-rules';
import type { Action } from './policy/action';
import { grantsHeld, isDepartmentGrant } from './policy/may';

/** What is done to a customer's file; these names are also what the customer's access record shows of a refusal. */
export type FileAction = 'submit' | 'chip-reading' | 'list' | 'read' | 'content' | 'history' | 'withdraw' | 'dispute' | 'reference' | 'revoke';

const ACTION_OF: Record<FileAction, Action> = {
  submit: 'document.submit',
  'chip-reading': 'document.chip-reading',
  list: 'document.list',
  read: 'document.read',
  content: 'document.content',
  history: 'document.history',
  withdraw: 'document.withdraw',
  dispute: 'document.dispute',
  reference: 'document.reference',
  revoke: 'document.revoke',
};

/** The file, or one document in it when its type is known. */
export interface FileTarget {
  readonly customerId: string;
  readonly type?: DocumentType;
}

/**
 * May this principal do this to this customer's file? The rule table says who may try at all (AccessRefused, a 403
 * that reveals nothing); staff it admits may do it to any file. A customer reaches only their own file, and a
 * department only the types in its policy: anything else is NotVisible (a 404), as the caller may not know it exists.
 */
export function assertFileAccess(principal: Principal, target: FileTarget, action: FileAction, policies: DepartmentPolicies): void {
  const rule = ACTION_OF[action];
  const held = grantsHeld(principal, rule, policies);
  if (held.includes('reviewer') || held.includes('admin')) return;
  if (held.includes('customer') && principal.sub === target.customerId) return;
  if (held.some(isDepartmentGrant)) {
    const policy = departmentPolicyOf(principal, policies)!;
    if (target.type === undefined) return;
    // Filing is the department's own act, so refusing it reveals nothing; seeing a type outside its policy would.
    if (action === 'submit' && !policy.factTypes.includes(target.type)) throw new AccessRefused('Your department may not file this type of document.');
    if (!policy.factTypes.includes(target.type)) throw new NotVisible();
    if (action === 'content' && !policy.contentTypes.includes(target.type)) throw new AccessRefused('Your department may not download this type of document.');
    return;
  }
  if (held.includes('customer')) throw new NotVisible();
  throw new AccessRefused(ACCESS_RULES[rule].refusal);
}

/** The document types this principal may see at all; undefined when every type. */
export function visibleTypes(principal: Principal, policies: DepartmentPolicies): readonly DocumentType[] | undefined {
  if (hasRole(principal, 'reviewer') || hasRole(principal, 'customer')) return undefined;
  return departmentPolicyOf(principal, policies)?.factTypes ?? [];
}

/** The customer themself, as opposed to staff or a department acting on their file. */
export const isOwner = (principal: Principal, customerId: string) => hasRole(principal, 'customer') && principal.sub === customerId;

export const isStaff = (principal: Principal) => hasRole(principal, 'reviewer') || hasRole(principal, 'admin');

export function actorFor(principal: Principal): Actor {
  if (isStaff(principal)) return { id: principal.sub, kind: 'staff' };
  if (hasRole(principal, 'department') && principal.department) return { id: principal.sub, kind: 'department', department: principal.department };
  return { id: principal.sub, kind: 'customer' };
}
