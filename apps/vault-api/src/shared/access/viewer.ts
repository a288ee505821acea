import { hasRole, type Principal } from '@kluis/auth';
import type { Viewer } from '../../documents/document.view';
import { isOwner, isStaff } from './customer-file-access';

/** Whose eyes a response is for: customers see roles where staff see names. */
export function viewerOf(principal: Principal, customerId: string): Viewer {
  if (isStaff(principal)) return 'staff';
  if (hasRole(principal, 'department') && !isOwner(principal, customerId)) return 'department';
  return 'customer';
}
