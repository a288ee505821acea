/**
 * Read-model tables. Timestamps are ISO-8601 strings (UTC, fixed width) so they sort the same on SQLite and
 * PostgreSQL; JSON is stored as text for the same reason.
 */
export interface DocumentsTable {
  document_id: string;
  customer_id: string;
  type: string;
  status: string;
  sha256: string;
  size: number;
  media_type: string;
  filename: string | null;
  channel: string;
  related_customer_ids: string;
  submitted_at: string;
  submitted_by_kind: string;
  review_due_at: string;
  approvals: number;
  first_approval_by: string | null;
  facts: string | null;
  valid_until: string | null;
  rejection: string | null;
  claimed_by: string | null;
  claim_expires_at: string | null;
  revocation: string | null;
  evidence_kind: string | null;
  revision: number;
  updated_at: string;
}

export interface DocumentReferencesTable {
  reference_id: string;
  document_id: string;
  customer_id: string;
  department: string;
  purpose: string;
  case_ref: string;
  created_at: string;
  released_at: string | null;
}

export interface DocumentRequestsTable {
  request_id: string;
  customer_id: string;
  kind: string;
  status: string;
  /** JSON: [{department, purpose, dueBy, at}] */
  askers: string;
  due_by: string | null;
  opened_at: string;
  satisfied_at: string | null;
  document_id: string | null;
}

/** What each department is told, in the global order of the events that caused it. */
export interface DepartmentFeedTable {
  department: string;
  position: number;
  type: string;
  customer_id: string;
  document_id: string | null;
  request_id: string | null;
  at: string;
  /** JSON: what the department may know about the change. */
  detail: string;
}

/** The request-fulfilment process manager's own memory: which documents can satisfy an ask, and which asks are open. */
export interface FulfilmentDocumentsTable {
  document_id: string;
  customer_id: string;
  kind: string;
  status: string;
  valid_until: string | null;
}

export interface FulfilmentOpenRequestsTable {
  customer_id: string;
  kind: string;
  request_id: string;
  due_by: string | null;
}

export interface ProjectionCheckpointsTable {
  name: string;
  position: number;
}

export interface IdempotencyKeysTable {
  scope_key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}

export interface ReadModelSchema {
  documents: DocumentsTable;
  document_references: DocumentReferencesTable;
  document_requests: DocumentRequestsTable;
  department_feed: DepartmentFeedTable;
  fulfilment_documents: FulfilmentDocumentsTable;
  fulfilment_open_requests: FulfilmentOpenRequestsTable;
  projection_checkpoints: ProjectionCheckpointsTable;
  idempotency_keys: IdempotencyKeysTable;
}
