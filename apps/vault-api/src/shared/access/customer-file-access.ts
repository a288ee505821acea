import { hasRole, hasScope, type Principal, type Scope } from '@kluis/auth';
import type { Actor } from '@kluis/document-domain';
import { forbidden, notFound } from '../http/problem.exception';

export type FileAction = 'submit' | 'list' | 'read' | 'content' | 'history' | 'withdraw';

/** What a department needs to do each action; null where departments may never do it. */
const DEPARTMENT_SCOPE: Record<FileAction, Scope | null> = {
  submit: 'documents:write',
  list: 'evidence:read',
  read: 'evidence:read',
  content: 'content:read',
  history: null,
  withdraw: null,
};

/**
 * May this principal do this to this customer's file? Any role that allows it is enough. A refusal is a 404 when the
 * caller is a customer looking at someone else's file (their existence is not ours to reveal), and a 403 when the
 * caller's role or scope may never do this, which reveals nothing about the customer.
 */
export function assertFileAccess(principal: Principal, customerId: string, action: FileAction): void {
  if (hasRole(principal, 'reviewer')) return;
  if (hasRole(principal, 'customer') && principal.sub === customerId) return;
  const departmentScope = DEPARTMENT_SCOPE[action];
  if (hasRole(principal, 'department') && departmentScope && hasScope(principal, departmentScope)) return;
  if (hasRole(principal, 'customer')) throw notFound();
  throw forbidden(`Your role may not ${action === 'content' ? 'download documents' : `${action} documents`} here.`);
}

/** The customer themself, as opposed to staff or a department acting on their file. */
export const isOwner = (principal: Principal, customerId: string) => hasRole(principal, 'customer') && principal.sub === customerId;

export const isStaff = (principal: Principal) => hasRole(principal, 'reviewer') || hasRole(principal, 'admin');

export function actorFor(principal: Principal): Actor {
  if (isStaff(principal)) return { id: principal.sub, kind: 'staff' };
  if (hasRole(principal, 'department') && principal.department) return { id: principal.sub, kind: 'department', department: principal.department };
  return { id: principal.sub, kind: 'customer' };
}
