/**
 * Operational tables: what the vault remembers while it works (a reserved key, a bulk window, a webhook's place in
 * the feed, the asks a process manager has open), not views anyone reads. Timestamps are ISO-8601 strings and JSON
 * is text, as in the read models, on SQLite and PostgreSQL alike.
 */

export interface IdempotencyKeysTable {
  scope_key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
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

export interface OperationalSchema {
  idempotency_keys: IdempotencyKeysTable;
  bulk_touches: BulkTouchesTable;
  bulk_blocks: BulkBlocksTable;
  webhook_cursors: WebhookCursorsTable;
  webhook_dead_letters: WebhookDeadLettersTable;
  fulfilment_documents: FulfilmentDocumentsTable;
  fulfilment_open_requests: FulfilmentOpenRequestsTable;
}
