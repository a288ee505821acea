import { DOCUMENT_TYPES, type DocumentType, type EvidenceKind } from './document-type';
import type { FactName } from './facts';

/** How long a verified document can be relied on. */
export type Validity =
  | { readonly kind: 'document-expiry' }
  | { readonly kind: 'period'; readonly months: number; readonly from: 'issuedOn' }
  | { readonly kind: 'indefinite' };

export interface DocumentTypePolicy {
  /** The evidence a verified document of this type provides; null when it answers no evidence query. */
  readonly evidenceKind: EvidenceKind | null;
  /** Two approvals by different reviewers before it is verified. */
  readonly fourEyes: boolean;
  /** Which ICAO machine-readable zone the document carries, if any; a reviewer may send it to be checked. */
  readonly mrz: 'TD3' | 'TD1-or-TD2' | null;
  readonly requiredFacts: readonly FactName[];
  readonly validity: Validity;
  /** Review deadline, in business days from submission. */
  readonly reviewSlaBusinessDays: number;
}

export type DocumentTypeCatalogue = Readonly<Record<DocumentType, DocumentTypePolicy>>;

const identityFacts: readonly FactName[] = ['documentNumber', 'issuingCountry', 'holderName', 'dateOfBirth', 'expiresOn'];
const notarialFacts: readonly FactName[] = ['notary', 'deedDate', 'grantor', 'attorney', 'scope'];

const identity: DocumentTypePolicy = {
  evidenceKind: 'identity',
  fourEyes: false,
  mrz: null,
  requiredFacts: identityFacts,
  validity: { kind: 'document-expiry' },
  reviewSlaBusinessDays: 5,
};

export const DEFAULT_CATALOGUE: DocumentTypeCatalogue = {
  passport: { ...identity, mrz: 'TD3' },
  'id-card': { ...identity, mrz: 'TD1-or-TD2' },
  'residence-permit': { ...identity, mrz: 'TD1-or-TD2' },
  'driving-licence': identity,
  'notarial-power-of-attorney': {
    evidenceKind: 'power-of-attorney',
    fourEyes: true,
    mrz: null,
    requiredFacts: notarialFacts,
    validity: { kind: 'indefinite' },
    reviewSlaBusinessDays: 5,
  },
  'notarial-deed': {
    evidenceKind: null,
    fourEyes: true,
    mrz: null,
    requiredFacts: ['notary', 'deedDate', 'scope'],
    validity: { kind: 'indefinite' },
    reviewSlaBusinessDays: 5,
  },
  'proof-of-address': {
    evidenceKind: 'address',
    fourEyes: false,
    mrz: null,
    requiredFacts: ['holderName', 'address', 'issuedOn'],
    validity: { kind: 'period', months: 3, from: 'issuedOn' },
    reviewSlaBusinessDays: 5,
  },
  'chamber-of-commerce-extract': {
    evidenceKind: 'company-registration',
    fourEyes: false,
    mrz: null,
    requiredFacts: ['companyName', 'registrationNumber', 'issuedOn'],
    validity: { kind: 'period', months: 3, from: 'issuedOn' },
    reviewSlaBusinessDays: 5,
  },
};

/** The document types that provide this kind of evidence once verified. */
export function typesOfKind(catalogue: DocumentTypeCatalogue, kind: EvidenceKind): DocumentType[] {
  return DOCUMENT_TYPES.filter((type) => catalogue[type].evidenceKind === kind);
}
