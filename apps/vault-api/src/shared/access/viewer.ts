import { hasRole, type Principal } from '@kluis/auth';
import { isOwner, isStaff } from './customer-file-access';

/** Who reads a response: each view shows that reader only what it may see. */
export type Viewer = 'customer' | 'staff' | 'department';

/** Whose eyes a response is for: customers see roles where staff see names. */
export function viewerOf(principal: Principal, customerId: string): Viewer {
  if (isStaff(principal)) return 'staff';
  if (hasRole(principal, 'department') && !isOwner(principal, customerId)) return 'department';
  return 'customer';
}
