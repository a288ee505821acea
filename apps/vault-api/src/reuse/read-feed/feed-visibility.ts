import type { DepartmentPolicy } from '@kluis/auth';
import type { DocumentType, EvidenceKind } from '@kluis/document-domain';
import type { FeedEntry } from '@kluis/read-models';

/**
 * Whether the department's policy, as it stands now, lets it see this entry: a document type outside its policy does
 * not exist for it, nor does an ask for a kind of evidence it may not ask about. The feed was written under the
 * policy of its day, and a narrowed policy must not leave the old entries readable.
 */
export function visibleToPolicy(entry: FeedEntry, policy: DepartmentPolicy): boolean {
  const { documentType, kind } = entry.detail;
  if (typeof documentType === 'string' && !policy.factTypes.includes(documentType as DocumentType)) return false;
  if (typeof kind === 'string' && !policy.evidenceKinds.includes(kind as EvidenceKind)) return false;
  return true;
}
