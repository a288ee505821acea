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
  revision: number;
  updated_at: string;
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
  projection_checkpoints: ProjectionCheckpointsTable;
  idempotency_keys: IdempotencyKeysTable;
}
