import { departmentMay, departmentPolicyOf, type DepartmentPolicies, hasRole, type Principal, type Scope } from '@kluis/auth';
import type { Actor, DocumentType } from '@kluis/document-domain';
import { forbidden, notFound } from '../http/problem.exception';

export type FileAction = 'submit' | 'chip-reading' | 'list' | 'read' | 'content' | 'history' | 'withdraw' | 'reference' | 'revoke';

/** What a department needs to do each action; null where departments may never do it. */
const DEPARTMENT_SCOPE: Record<FileAction, Scope | null> = {
  submit: 'documents:write',
  // A chip is read by the customer's own app or at the bank's desk, never filed by a department.
  'chip-reading': null,
  list: 'evidence:read',
  read: 'evidence:read',
  content: 'content:read',
  history: null,
  withdraw: null,
  reference: 'references:write',
  revoke: null,
};

/** The file, or one document in it when its type is known. */
export interface FileTarget {
  readonly customerId: string;
  readonly type?: DocumentType;
}

/**
 * May this principal do this to this customer's file? Any role that allows it is enough. A refusal is a 404 when the
 * caller may not know the thing exists: a customer looking at someone else's file, or a department looking at a type
 * outside its policy. It is a 403 when the caller's role or scope may never do this, which reveals nothing.
 */
export function assertFileAccess(principal: Principal, target: FileTarget, action: FileAction, policies: DepartmentPolicies): void {
  // Revoking is support's: an admin may do it to any document, and nobody else may do it at all.
  if (action === 'revoke') {
    if (hasRole(principal, 'admin')) return;
    throw forbidden('Only support revokes documents.');
  }
  if (hasRole(principal, 'reviewer')) return;
  if (hasRole(principal, 'customer') && principal.sub === target.customerId) return;
  const scope = DEPARTMENT_SCOPE[action];
  if (hasRole(principal, 'department') && scope && departmentMay(principal, policies, scope)) {
    const policy = departmentPolicyOf(principal, policies)!;
    if (target.type === undefined) return;
    // Filing is the department's own act, so refusing it reveals nothing; seeing a type outside its policy would.
    if (action === 'submit' && !policy.factTypes.includes(target.type)) throw forbidden('Your department may not file this type of document.');
    if (!policy.factTypes.includes(target.type)) throw notFound();
    if (action === 'content' && !policy.contentTypes.includes(target.type)) throw forbidden('Your department may not download this type of document.');
    return;
  }
  if (hasRole(principal, 'customer')) throw notFound();
  throw forbidden(`Your role may not ${ACTION_NAMES[action] ?? `${action} documents`} here.`);
}

const ACTION_NAMES: Partial<Record<FileAction, string>> = { content: 'download documents', 'chip-reading': 'file chip readings' };

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
