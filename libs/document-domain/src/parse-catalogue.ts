import { DOCUMENT_TYPES, type DocumentType, EVIDENCE_KINDS } from './document-type';
import { DEFAULT_CATALOGUE, type DocumentTypeCatalogue, type DocumentTypePolicy, type Validity } from './document-type-catalogue';
import { FACT_NAMES, type FactName } from './facts';

export class CatalogueError extends Error {
  readonly code = 'CATALOGUE.INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`the document type catalogue is invalid: ${problems.join('; ')}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const POLICY_KEYS = ['evidenceKind', 'fourEyes', 'mrz', 'requiredFacts', 'validity', 'reviewSlaBusinessDays'];

/**
 * Reads a catalogue override: per type, any of the policy's fields; types left out keep their defaults. Every
 * problem is collected and named by its path, so a bad file is fixed in one go instead of refusing to start once
 * per mistake.
 */
export function parseCatalogue(input: unknown): DocumentTypeCatalogue {
  const problems: string[] = [];
  if (!isRecord(input)) throw new CatalogueError(['the catalogue must be an object keyed by document type']);
  const catalogue: Record<string, DocumentTypePolicy> = { ...DEFAULT_CATALOGUE };
  for (const [type, override] of Object.entries(input)) {
    if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) {
      problems.push(`${type}: unknown document type (known: ${DOCUMENT_TYPES.join(', ')})`);
      continue;
    }
    if (!isRecord(override)) {
      problems.push(`${type}: must be an object`);
      continue;
    }
    catalogue[type] = mergePolicy(type as DocumentType, override, problems);
  }
  if (problems.length > 0) throw new CatalogueError(problems);
  return catalogue as DocumentTypeCatalogue;
}

function mergePolicy(type: DocumentType, override: Record<string, unknown>, problems: string[]): DocumentTypePolicy {
  const merged: DocumentTypePolicy = { ...DEFAULT_CATALOGUE[type], ...override } as DocumentTypePolicy;
  const at = (key: string) => `${type}.${key}`;
  for (const key of Object.keys(override)) if (!POLICY_KEYS.includes(key)) problems.push(`${at(key)}: unknown setting`);
  if (merged.evidenceKind !== null && !(EVIDENCE_KINDS as readonly string[]).includes(merged.evidenceKind)) {
    problems.push(`${at('evidenceKind')}: must be null or one of ${EVIDENCE_KINDS.join(', ')}`);
  }
  if (typeof merged.fourEyes !== 'boolean') problems.push(`${at('fourEyes')}: must be true or false`);
  if (![null, 'TD3', 'TD1-or-TD2'].includes(merged.mrz)) problems.push(`${at('mrz')}: must be null, "TD3" or "TD1-or-TD2"`);
  const facts: unknown = merged.requiredFacts;
  if (!Array.isArray(facts) || facts.length === 0 || !facts.every((name) => (FACT_NAMES as readonly unknown[]).includes(name))) {
    problems.push(`${at('requiredFacts')}: must be a non-empty list of ${FACT_NAMES.join(', ')}`);
  }
  const sla = merged.reviewSlaBusinessDays;
  if (!Number.isInteger(sla) || sla < 1 || sla > 60) problems.push(`${at('reviewSlaBusinessDays')}: must be a whole number from 1 to 60`);
  problems.push(...validityProblems(merged.validity, Array.isArray(facts) ? (facts as FactName[]) : [], at('validity')));
  return merged;
}

function validityProblems(validity: Validity, requiredFacts: readonly FactName[], path: string): string[] {
  if (!isRecord(validity)) return [`${path}: must be an object with a kind`];
  switch (validity.kind) {
    case 'document-expiry':
      return requiredFacts.includes('expiresOn') ? [] : [`${path}: document-expiry needs expiresOn among the required facts`];
    case 'indefinite':
      return [];
    case 'period': {
      const problems: string[] = [];
      if (!Number.isInteger(validity.months) || validity.months < 1 || validity.months > 120) problems.push(`${path}.months: must be a whole number from 1 to 120`);
      if (validity.from !== 'issuedOn') problems.push(`${path}.from: must be "issuedOn"`);
      else if (!requiredFacts.includes('issuedOn')) problems.push(`${path}: a period from issuedOn needs issuedOn among the required facts`);
      return problems;
    }
    default:
      return [`${path}.kind: must be document-expiry, period or indefinite`];
  }
}
