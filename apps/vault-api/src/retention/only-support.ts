import { hasRole, type Principal } from '@kluis/auth';
import { forbidden } from '../shared/http/problem.exception';

/** Refused before any lookup, so the answer is the same whether or not the customer exists. */
export function assertSupport(principal: Principal): void {
  if (!hasRole(principal, 'admin')) throw forbidden("Only support manages a customer's retention.");
}
