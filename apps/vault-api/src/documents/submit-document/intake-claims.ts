import { hasRole, type Principal } from '@kluis/auth';
import type { FieldError } from '../../shared/http/problem';
import { ProblemException } from '../../shared/http/problem.exception';
import { isOwner } from '../../shared/access/customer-file-access';
import type { SubmitDocumentRequest } from './submit-document.request.dto';

/**
 * What only staff at intake may say about an upload: that it was seen at the counter (`channel=branch`), and which
 * other customers it concerns. From a customer's own upload either claim would let an online upload pass as one a
 * bank employee checked in person, or file a document under someone else's name.
 */
export function assertIntakeClaims(principal: Principal, customerId: string, fields: SubmitDocumentRequest): void {
  if (hasRole(principal, 'reviewer') || !isOwner(principal, customerId)) return;
  const claims: FieldError[] = [];
  if (fields.channel === 'branch') claims.push({ field: 'channel', message: 'only staff at intake may record an upload as seen at the branch' });
  if ((fields.relatedCustomerIds ?? []).length > 0) claims.push({ field: 'relatedCustomerIds', message: 'only staff at intake may relate an upload to other customers' });
  if (claims.length === 0) return;
  throw new ProblemException(403, 'ACCESS.FORBIDDEN', 'Not allowed', claims.map((claim) => `${claim.field}: ${claim.message}`).join('; '), claims);
}
