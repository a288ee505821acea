import { AGGREGATES, type AccessEventType, type DeclaredAggregate, type PersonalField } from '@kluis/document-domain';

/** Where each personal field sits in an event's data (dot-separated), and what the domain reads once it is erased. */
type Declared = DeclaredAggregate['personalFields'][string];

/** Why someone looked: a department states its purpose when it asks for evidence or downloads a document. */
const STATED_PURPOSE: readonly PersonalField<{ purpose: string | null }>[] = [{ path: 'purpose', absent: null }];

/** The customer's access log is written by the vault as it serves reads, not decided by an aggregate. */
const ACCESS_LOG_FIELDS: Readonly<Record<AccessEventType, Declared>> = {
  EvidenceQueried: STATED_PURPOSE,
  DocumentRead: [],
  DocumentContentRead: STATED_PURPOSE,
  DocumentsListed: [],
  AccessDenied: [],
  BulkAccessBlocked: [],
  PersonalDataExported: [],
  DepartmentFeedRead: [],
};
const ACCESS_LOG = { name: 'access-log', personalFields: ACCESS_LOG_FIELDS };

/**
 * The personal fields of every event the vault writes, as each aggregate declares them in the domain: names,
 * document numbers and every other fact read from a document, the customer's filename, addresses, and free text
 * written about the customer. These are sealed under the customer's key; everything else (ids, types, hashes, dates
 * of what happened) stays readable so the history keeps its shape after an erasure. An event type two aggregates
 * both declare would be sealed by whichever came first, so it is refused at start.
 */
export function personalFieldsByType(declarations: readonly Pick<DeclaredAggregate, 'name' | 'personalFields'>[]): ReadonlyMap<string, Declared> {
  const byType = new Map<string, Declared>();
  const declaredBy = new Map<string, string>();
  for (const { name, personalFields } of declarations) {
    for (const [type, fields] of Object.entries(personalFields)) {
      const other = declaredBy.get(type);
      if (other !== undefined) throw new Error(`${type} is declared by both ${other} and ${name}`);
      declaredBy.set(type, name);
      byType.set(type, fields);
    }
  }
  return byType;
}

const PERSONAL_FIELDS = personalFieldsByType([...AGGREGATES, ACCESS_LOG]);

/**
 * Reads are recorded about an erased customer too: a read that cannot be recorded is not served, and a department
 * may still ask whether an erased customer has evidence. With no key left to seal under, the purpose it stated is
 * left out of the record instead.
 */
const RECORDED_AFTER_ERASURE: ReadonlySet<string> = new Set<AccessEventType>(['EvidenceQueried', 'DocumentContentRead']);

export const personalFieldsOf = (type: string): Declared => PERSONAL_FIELDS.get(type) ?? [];

export const isRecordedAfterErasure = (type: string): boolean => RECORDED_AFTER_ERASURE.has(type);
