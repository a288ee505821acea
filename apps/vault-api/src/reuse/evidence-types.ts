import { departmentPolicyOf, type DepartmentPolicies, hasRole, type Principal } from '@kluis/auth';
import { type DocumentType, type DocumentTypeCatalogue, type EvidenceKind, typesOfKind } from '@kluis/document-domain';
import { AccessRefused } from '../shared/access/policy/access.errors';

/**
 * The document types that can answer for `kind`, as far as this principal may see them. A department asking for a
 * kind outside its policy is refused outright: that reveals nothing about the customer.
 */
export function evidenceTypesFor(principal: Principal, kind: EvidenceKind, catalogue: DocumentTypeCatalogue, policies: DepartmentPolicies): DocumentType[] {
  const ofKind = typesOfKind(catalogue, kind);
  if (hasRole(principal, 'reviewer')) return ofKind;
  const policy = departmentPolicyOf(principal, policies);
  if (!policy?.evidenceKinds.includes(kind)) throw new AccessRefused(`Your department may not ask for ${kind} evidence.`);
  return ofKind.filter((type) => policy.factTypes.includes(type));
}
