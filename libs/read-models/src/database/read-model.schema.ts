import type { CustomerRetentionTable } from '../retention/customer-retention.table';
import type { NoticeOutboxTable } from '../notices/notice-outbox.table';
import type { OperationalSchema } from '../operational/operational.schema';

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
  /** 1 when the chip reading failed passive authentication: in review, but never to be approved. */
  chip_failed: number;
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
  /** The document in review the ask waits on instead of asking the customer; null once the customer is asked. */
  waiting_on: string | null;
  review_due_at: string | null;
  /** JSON: {documentId, reasonCode, message, at}, the rejection that made the vault ask the customer. */
  sent_after_rejection: string | null;
  /** JSON: [{escalationId, department, action, purpose, proposedBy, proposedAt, confirmedBy, confirmedAt}] */
  escalations: string;
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

/** Who read what about a customer, and why: the customer's own view of their access record. */
export interface AccessLogTable {
  customer_id: string;
  position: number;
  type: string;
  by_sub: string;
  role: string;
  department: string | null;
  purpose: string | null;
  document_id: string | null;
  at: string;
  detail: string;
}

/** Coalescing windows of the access record: one recorded entry per window, with how often it happened. */
export interface AccessWindowsTable {
  window_key: string;
  opened_at: string;
  count: number;
}

export interface ProjectionCheckpointsTable {
  name: string;
  position: number;
}

/** The read models, and beside them the operational tables the vault's services keep (`operational/`). */
export interface ReadModelSchema extends OperationalSchema {
  documents: DocumentsTable;
  document_references: DocumentReferencesTable;
  document_requests: DocumentRequestsTable;
  department_feed: DepartmentFeedTable;
  access_log: AccessLogTable;
  access_windows: AccessWindowsTable;
  projection_checkpoints: ProjectionCheckpointsTable;
  customer_retention: CustomerRetentionTable;
  notice_outbox: NoticeOutboxTable;
}
