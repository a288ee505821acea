import { type Assurance, assuranceRank, CHIP_READING_MEDIA_TYPE, type DocumentType, type EvidenceKind } from '@kluis/document-domain';
import type { Selectable } from 'kysely';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import type { DocumentRequestsTable } from '../database/read-model.schema';
import { type DocumentSummary, toDocumentSummary } from './document-summary';

/**
 * The best verified document of the given types that can still be relied on today, at `minAssurance` or above: a
 * chip reading before a reviewed copy, then the one valid longest, an indefinitely valid one first. Facts only; the
 * caller never gets the file from here.
 */
export async function findEvidence(
  db: ReadModelDatabase,
  customerId: string,
  types: readonly DocumentType[],
  today: string,
  minAssurance: Assurance = 'review',
): Promise<(DocumentSummary & { readonly assurance: Assurance }) | null> {
  if (types.length === 0) return null;
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('type', 'in', types)
    .where('status', '=', 'verified')
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .execute();
  const ranked = rows
    .map((row) => ({ row, assurance: assuranceOfVerified(row.media_type) }))
    .filter(({ assurance }) => assuranceRank(assurance) >= assuranceRank(minAssurance))
    .sort(
      (a, b) =>
        assuranceRank(b.assurance) - assuranceRank(a.assurance) ||
        (b.row.valid_until ?? '9999-99-99').localeCompare(a.row.valid_until ?? '9999-99-99') ||
        b.row.updated_at.localeCompare(a.row.updated_at),
    );
  const best = ranked[0];
  return best ? { ...toDocumentSummary(best.row), assurance: best.assurance } : null;
}

/** A chip reading is only ever verified when passive authentication passed, so its kind of file tells its assurance. */
const assuranceOfVerified = (mediaType: string): Assurance => (mediaType === CHIP_READING_MEDIA_TYPE ? 'chip' : 'review');

export interface AskerView {
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
  readonly at: string;
}

export interface EscalationView {
  readonly escalationId: string;
  readonly department: string;
  readonly action: string;
  readonly purpose: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
}

export interface RequestView {
  readonly id: string;
  readonly customerId: string;
  readonly kind: EvidenceKind;
  /** `in_review`: the ask waits on a document in review and asks the customer nothing. */
  readonly status: 'open' | 'in_review' | 'satisfied';
  readonly askers: readonly AskerView[];
  readonly dueBy: string | null;
  readonly openedAt: string;
  readonly satisfiedAt: string | null;
  readonly documentId: string | null;
  readonly waitingOn: { readonly documentId: string; readonly reviewDueAt: string } | null;
  /** The rejection that turned a waiting ask into an ask to the customer. */
  readonly sentAfterRejection: { readonly documentId: string; readonly reasonCode: string; readonly message: string; readonly at: string } | null;
  readonly escalations: readonly EscalationView[];
}

const toRequestView = (row: Selectable<DocumentRequestsTable>): RequestView => ({
  id: row.request_id,
  customerId: row.customer_id,
  kind: row.kind as EvidenceKind,
  status: row.status as RequestView['status'],
  askers: JSON.parse(row.askers) as AskerView[],
  dueBy: row.due_by,
  openedAt: row.opened_at,
  satisfiedAt: row.satisfied_at,
  documentId: row.document_id,
  waitingOn: row.waiting_on && row.review_due_at ? { documentId: row.waiting_on, reviewDueAt: row.review_due_at } : null,
  sentAfterRejection: row.sent_after_rejection ? (JSON.parse(row.sent_after_rejection) as RequestView['sentAfterRejection']) : null,
  escalations: JSON.parse(row.escalations) as EscalationView[],
});

/** A customer's requests, open ones first, then newest first. */
export async function listRequests(db: ReadModelDatabase, customerId: string, kinds?: readonly EvidenceKind[]): Promise<RequestView[]> {
  if (kinds && kinds.length === 0) return [];
  let query = db.selectFrom('document_requests').selectAll().where('customer_id', '=', customerId);
  if (kinds) query = query.where('kind', 'in', kinds);
  const rows = await query.orderBy('opened_at', 'desc').execute();
  return rows.map(toRequestView).sort((a, b) => Number(b.status !== 'satisfied') - Number(a.status !== 'satisfied'));
}

/** One ask by its id, whoever's it is: the caller decides who may see it. */
export async function findRequest(db: ReadModelDatabase, requestId: string): Promise<RequestView | null> {
  const row = await db.selectFrom('document_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  return row ? toRequestView(row) : null;
}

/** The most recent rejection of a document of this kind since `since`: why the ask is still open. */
export async function latestRejection(db: ReadModelDatabase, customerId: string, kind: EvidenceKind, since: string) {
  const row = await db
    .selectFrom('documents')
    .select(['document_id', 'rejection'])
    .where('customer_id', '=', customerId)
    .where('evidence_kind', '=', kind)
    .where('status', '=', 'rejected')
    .where('submitted_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!row?.rejection) return null;
  return { documentId: row.document_id, ...(JSON.parse(row.rejection) as { reasonCode: string; message: string; at: string }) };
}

export interface ReferenceView {
  readonly id: string;
  readonly documentId: string;
  readonly department: string;
  readonly purpose: string;
  readonly caseRef: string;
  readonly since: string;
}

/** Who relies on the customer's documents right now. */
export async function activeReferences(db: ReadModelDatabase, customerId: string): Promise<ReferenceView[]> {
  const rows = await db
    .selectFrom('document_references')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('released_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.reference_id, documentId: row.document_id, department: row.department, purpose: row.purpose, caseRef: row.case_ref, since: row.created_at }));
}

export interface FeedEntry {
  readonly position: number;
  readonly type: string;
  readonly customerId: string;
  readonly documentId: string | null;
  readonly requestId: string | null;
  readonly at: string;
  readonly detail: Record<string, unknown>;
}

/** A department's own feed, strictly after `after`, oldest first. */
export async function departmentFeed(db: ReadModelDatabase, department: string, after: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db
    .selectFrom('department_feed')
    .selectAll()
    .where('department', '=', department)
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    position: Number(row.position),
    type: row.type,
    customerId: row.customer_id,
    documentId: row.document_id,
    requestId: row.request_id,
    at: row.at,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}

/** Documents somebody relies on that lapse by `horizon`, or already expired or were revoked: replacements to ask for. */
export async function reliedOnAndLapsing(db: ReadModelDatabase, horizon: string) {
  return db
    .selectFrom('documents')
    .innerJoin('document_references', 'document_references.document_id', 'documents.document_id')
    .select(['documents.document_id as documentId', 'documents.customer_id as customerId', 'documents.evidence_kind as kind', 'documents.type as type', 'documents.valid_until as validUntil', 'document_references.department as department'])
    .where((eb) => eb.or([eb.and([eb('documents.status', '=', 'verified'), eb('documents.valid_until', '<=', horizon)]), eb('documents.status', 'in', ['expired', 'revoked'])]))
    .where('document_references.released_at', 'is', null)
    .where('documents.evidence_kind', 'is not', null)
    .execute();
}
