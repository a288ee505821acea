import { DEFAULT_CATALOGUE, DOCUMENT_TYPES, type DocumentType, EVIDENCE_KINDS, type EvidenceKind } from '@kluis/document-domain';
import { hasRole, type Principal, type Scope, SCOPES } from '../principal';

/** What one department may see and do. Anything not granted here is refused, whatever its tokens claim. */
export interface DepartmentPolicy {
  readonly evidenceKinds: readonly EvidenceKind[];
  /** Types it may see as documents and facts; others do not exist for it. */
  readonly factTypes: readonly DocumentType[];
  /** Types whose file it may download, always with a stated purpose. */
  readonly contentTypes: readonly DocumentType[];
  /** The most its principals can hold; a token's other scopes are ignored. */
  readonly scopes: readonly Scope[];
  /** Distinct customers one of its principals may touch in an hour; 50 when not set. */
  readonly customersPerHour?: number;
  /** Distinct customers the whole department may touch in an hour; 500 when not set. */
  readonly departmentCustomersPerHour?: number;
  /** Distinct customers one of its principals may touch in a day, so staying just under the hourly limit is caught too; 200 when not set. */
  readonly customersPerDay?: number;
  /** Distinct customers the whole department may touch in a day; 2000 when not set. */
  readonly departmentCustomersPerDay?: number;
}

const LIMITS = ['customersPerHour', 'departmentCustomersPerHour', 'customersPerDay', 'departmentCustomersPerDay'] as const;

export type DepartmentPolicies = Readonly<Record<string, DepartmentPolicy>>;

const typesFor = (...kinds: EvidenceKind[]): DocumentType[] =>
  DOCUMENT_TYPES.filter((type) => {
    const kind = DEFAULT_CATALOGUE[type].evidenceKind;
    return kind !== null && kinds.includes(kind);
  });

const relyAndAsk: Scope[] = ['evidence:read', 'references:write', 'requests:write'];

export const DEFAULT_DEPARTMENT_POLICIES: DepartmentPolicies = {
  mandates: {
    evidenceKinds: ['identity', 'power-of-attorney'],
    factTypes: typesFor('identity', 'power-of-attorney'),
    contentTypes: ['notarial-power-of-attorney'],
    scopes: [...relyAndAsk, 'content:read', 'documents:write'],
  },
  investments: { evidenceKinds: ['identity', 'address'], factTypes: typesFor('identity', 'address'), contentTypes: [], scopes: relyAndAsk },
  mortgages: {
    evidenceKinds: ['identity', 'address', 'power-of-attorney'],
    factTypes: [...typesFor('identity', 'address', 'power-of-attorney'), 'notarial-deed'],
    contentTypes: ['notarial-deed', 'proof-of-address'],
    scopes: [...relyAndAsk, 'content:read'],
  },
  payments: { evidenceKinds: ['identity'], factTypes: typesFor('identity'), contentTypes: [], scopes: relyAndAsk },
  'business-banking': {
    evidenceKinds: ['identity', 'company-registration', 'power-of-attorney'],
    factTypes: typesFor('identity', 'company-registration', 'power-of-attorney'),
    contentTypes: ['chamber-of-commerce-extract'],
    scopes: [...relyAndAsk, 'content:read'],
  },
};

/** The department's policy, or null for a principal that is no department or one the vault does not know. */
export function departmentPolicyOf(principal: Principal, policies: DepartmentPolicies): DepartmentPolicy | null {
  if (!hasRole(principal, 'department') || !principal.department) return null;
  return Object.hasOwn(policies, principal.department) ? policies[principal.department] : null;
}

/** A department principal's scope counts only when both its token and its department's policy grant it. */
export function departmentMay(principal: Principal, policies: DepartmentPolicies, scope: Scope): boolean {
  const policy = departmentPolicyOf(principal, policies);
  return policy !== null && principal.scopes.includes(scope) && policy.scopes.includes(scope);
}

export class DepartmentPoliciesError extends Error {
  readonly code = 'DEPARTMENTS.INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`the department policies are invalid: ${problems.join('; ')}`);
  }
}

const DEPARTMENT_NAME = /^[a-z][a-z0-9-]{0,62}$/;

function listOf<T extends string>(value: unknown, allowed: readonly T[], path: string, problems: string[]): T[] {
  if (!Array.isArray(value) || !value.every((item) => (allowed as readonly unknown[]).includes(item))) {
    problems.push(`${path}: must be a list of ${allowed.join(', ')}`);
    return [];
  }
  return value as T[];
}

/** Reads a complete set of department policies (replacing the defaults), naming every problem by its path. */
export function parseDepartmentPolicies(input: unknown): DepartmentPolicies {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DepartmentPoliciesError(['must be an object keyed by department']);
  const problems: string[] = [];
  const policies: Record<string, DepartmentPolicy> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (!DEPARTMENT_NAME.test(name)) problems.push(`${name}: a department id is lowercase letters, digits and -`);
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${name}: must be an object`);
      continue;
    }
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!['evidenceKinds', 'factTypes', 'contentTypes', 'scopes', ...LIMITS].includes(key)) problems.push(`${name}.${key}: unknown setting`);
    }
    for (const key of LIMITS) {
      const limit = entry[key];
      if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1)) problems.push(`${name}.${key}: must be a whole number of at least 1`);
    }
    const policy: DepartmentPolicy = {
      evidenceKinds: listOf(entry.evidenceKinds, EVIDENCE_KINDS, `${name}.evidenceKinds`, problems),
      factTypes: listOf(entry.factTypes, DOCUMENT_TYPES, `${name}.factTypes`, problems),
      contentTypes: listOf(entry.contentTypes, DOCUMENT_TYPES, `${name}.contentTypes`, problems),
      scopes: listOf(entry.scopes, SCOPES, `${name}.scopes`, problems),
      ...Object.fromEntries(LIMITS.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key] as number])),
    };
    for (const type of policy.contentTypes) if (!policy.factTypes.includes(type)) problems.push(`${name}.contentTypes: ${type} must also be among its factTypes`);
    policies[name] = policy;
  }
  if (problems.length > 0) throw new DepartmentPoliciesError(problems);
  return policies;
}
