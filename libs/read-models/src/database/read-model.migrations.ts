import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { accessWindowsMigration } from '../access/access-windows.migration';
import { requestsWaitingMigration } from '../requests/requests-waiting.migration';
import { noticeOutboxMigration } from '../notices/notice-outbox.migration';
import { chipFailedMigration } from '../documents/chip-failed.migration';
import { customerRetentionMigration } from '../retention/customer-retention.migration';

/** Migrations are code, not files, so the compiled app carries them. They run on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  '0001-documents': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('document_id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('type', 'varchar(64)', (col) => col.notNull())
        .addColumn('status', 'varchar(32)', (col) => col.notNull())
        .addColumn('sha256', 'char(64)', (col) => col.notNull())
        .addColumn('size', 'bigint', (col) => col.notNull())
        .addColumn('media_type', 'varchar(64)', (col) => col.notNull())
        .addColumn('filename', 'varchar(255)')
        .addColumn('channel', 'varchar(16)', (col) => col.notNull())
        .addColumn('related_customer_ids', 'text', (col) => col.notNull())
        .addColumn('submitted_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('submitted_by_kind', 'varchar(16)', (col) => col.notNull())
        .addColumn('review_due_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('approvals', 'integer', (col) => col.notNull())
        .addColumn('first_approval_by', 'varchar(128)')
        .addColumn('facts', 'text')
        .addColumn('valid_until', 'varchar(10)')
        .addColumn('rejection', 'text')
        .addColumn('revision', 'integer', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('documents_by_customer').on('documents').columns(['customer_id', 'submitted_at']).execute();
      await db.schema.createIndex('documents_by_content').on('documents').columns(['customer_id', 'type', 'sha256']).execute();
      await db.schema.createIndex('documents_by_status').on('documents').columns(['status', 'submitted_at']).execute();
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('name', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .execute();
    },
  },
  '0002-idempotency-keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope_key', 'varchar(400)', (col) => col.primaryKey())
        .addColumn('fingerprint', 'char(64)', (col) => col.notNull())
        .addColumn('status', 'integer', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .execute();
    },
  },
  '0003-review-claims': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').addColumn('claimed_by', 'varchar(255)').execute();
      await db.schema.alterTable('documents').addColumn('claim_expires_at', 'varchar(32)').execute();
      await db.schema.createIndex('documents_by_validity').on('documents').columns(['status', 'valid_until']).execute();
    },
  },
  '0004-document-references': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('document_references')
        .addColumn('reference_id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('document_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('department', 'varchar(64)', (col) => col.notNull())
        .addColumn('purpose', 'text', (col) => col.notNull())
        .addColumn('case_ref', 'varchar(200)', (col) => col.notNull())
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('released_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('references_by_customer').on('document_references').columns(['customer_id', 'document_id']).execute();
      await db.schema.createIndex('references_by_document').on('document_references').columns(['document_id', 'released_at']).execute();
      await db.schema.alterTable('documents').addColumn('revocation', 'text').execute();
    },
  },
  '0005-requests-and-feed': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').addColumn('evidence_kind', 'varchar(32)').execute();
      await db.schema.createIndex('documents_by_evidence').on('documents').columns(['customer_id', 'evidence_kind', 'status']).execute();
      await db.schema
        .createTable('document_requests')
        .addColumn('request_id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('kind', 'varchar(32)', (col) => col.notNull())
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('askers', 'text', (col) => col.notNull())
        .addColumn('due_by', 'varchar(10)')
        .addColumn('opened_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('satisfied_at', 'varchar(32)')
        .addColumn('document_id', 'varchar(64)')
        .execute();
      await db.schema.createIndex('requests_by_customer').on('document_requests').columns(['customer_id', 'kind', 'status']).execute();
      await db.schema
        .createTable('department_feed')
        .addColumn('department', 'varchar(64)', (col) => col.notNull())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .addColumn('type', 'varchar(64)', (col) => col.notNull())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('document_id', 'varchar(64)')
        .addColumn('request_id', 'varchar(64)')
        .addColumn('at', 'varchar(32)', (col) => col.notNull())
        .addColumn('detail', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('department_feed_pk', ['department', 'position'])
        .execute();
    },
  },
  '0006-request-fulfilment-state': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fulfilment_documents')
        .addColumn('document_id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('kind', 'varchar(32)', (col) => col.notNull())
        .addColumn('status', 'varchar(32)', (col) => col.notNull())
        .addColumn('valid_until', 'varchar(10)')
        .execute();
      await db.schema.createIndex('fulfilment_documents_by_kind').on('fulfilment_documents').columns(['customer_id', 'kind', 'status']).execute();
      await db.schema
        .createTable('fulfilment_open_requests')
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('kind', 'varchar(32)', (col) => col.notNull())
        .addColumn('request_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('due_by', 'varchar(10)')
        .addPrimaryKeyConstraint('fulfilment_open_requests_pk', ['customer_id', 'kind'])
        .execute();
    },
  },
  '0008-access-log': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('access_log')
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .addColumn('type', 'varchar(64)', (col) => col.notNull())
        .addColumn('by_sub', 'varchar(255)', (col) => col.notNull())
        .addColumn('role', 'varchar(16)', (col) => col.notNull())
        .addColumn('department', 'varchar(64)')
        .addColumn('purpose', 'text')
        .addColumn('document_id', 'varchar(64)')
        .addColumn('at', 'varchar(32)', (col) => col.notNull())
        .addColumn('detail', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('access_log_pk', ['customer_id', 'position'])
        .execute();
    },
  },
  '0007-webhook-deliveries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_cursors')
        .addColumn('department', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('webhook_dead_letters')
        .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('department', 'varchar(64)', (col) => col.notNull())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .addColumn('entry', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull())
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('failed_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('webhook_dead_letters_by_department').on('webhook_dead_letters').columns(['department', 'position']).execute();
    },
  },
  '0009-bulk-guard': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bulk_touches')
        .addColumn('scope', 'varchar(320)', (col) => col.notNull())
        .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
        .addColumn('last_at', 'varchar(32)', (col) => col.notNull())
        .addPrimaryKeyConstraint('bulk_touches_pk', ['scope', 'customer_id'])
        .execute();
      await db.schema.createIndex('bulk_touches_by_time').on('bulk_touches').columns(['scope', 'last_at']).execute();
      await db.schema
        .createTable('bulk_blocks')
        .addColumn('scope', 'varchar(320)', (col) => col.primaryKey())
        .addColumn('blocked_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('distinct_customers', 'integer', (col) => col.notNull())
        .addColumn('limit_per_hour', 'integer', (col) => col.notNull())
        .execute();
    },
  },
  '0010-customer-retention': customerRetentionMigration,
  '0011-idempotency-key-expiry': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('idempotency_keys_by_age').on('idempotency_keys').column('created_at').execute();
    },
  },
  '0012-access-windows': accessWindowsMigration,
  '0013-bulk-block-period': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('bulk_blocks').addColumn('period', 'varchar(8)', (col) => col.notNull().defaultTo('hour')).execute();
    },
  },
  '0014-requests-waiting': requestsWaitingMigration,
  '0015-notice-outbox': noticeOutboxMigration,
  '0016-chip-failed': chipFailedMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateReadModel(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, migrationTableName: 'read_model_migrations', migrationLockTableName: 'read_model_migrations_lock' }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`read model migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
