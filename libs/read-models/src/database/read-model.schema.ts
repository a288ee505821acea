import type { CustomerRetentionTable } from '../retention/customer-retention.table';
import type { NoticeOutboxTable } from '../notices/notice-outbox.table';

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

/** The bulk-access guard's sliding window: when each principal (or department) last touched each customer. */
export interface BulkTouchesTable {
  scope: string;
  customer_id: string;
  last_at: string;
}

/** Principals and departments the bulk guard stopped, until an admin lifts the block. */
export interface BulkBlocksTable {
  scope: string;
  blocked_at: string;
  distinct_customers: number;
  limit_per_hour: number;
  /** `hour` or `day`: the window whose limit was passed; `limit_per_hour` holds that window's limit. */
  period: string;
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

export interface IdempotencyKeysTable {
  scope_key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}

/** How far each department's webhook has delivered its feed. */
export interface WebhookCursorsTable {
  department: string;
  position: number;
}

/** Feed entries a department's webhook would not accept after every attempt. */
export interface WebhookDeadLettersTable {
  id: string;
  department: string;
  position: number;
  /** JSON: the feed entry, as it was sent. */
  entry: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  failed_at: string;
}

export interface ReadModelSchema {
  documents: DocumentsTable;
  document_references: DocumentReferencesTable;
  document_requests: DocumentRequestsTable;
  department_feed: DepartmentFeedTable;
  fulfilment_documents: FulfilmentDocumentsTable;
  fulfilment_open_requests: FulfilmentOpenRequestsTable;
  access_log: AccessLogTable;
  bulk_touches: BulkTouchesTable;
  bulk_blocks: BulkBlocksTable;
  access_windows: AccessWindowsTable;
  projection_checkpoints: ProjectionCheckpointsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_cursors: WebhookCursorsTable;
  webhook_dead_letters: WebhookDeadLettersTable;
  customer_retention: CustomerRetentionTable;
  notice_outbox: NoticeOutboxTable;
}
