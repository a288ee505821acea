import type { Kysely, Migration } from 'kysely';

export const customerRetentionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customer_retention')
      .addColumn('customer_id', 'varchar(128)', (col) => col.primaryKey())
      .addColumn('status', 'varchar(16)', (col) => col.notNull())
      .addColumn('started_on', 'varchar(10)')
      .addColumn('ended_on', 'varchar(10)')
      .addColumn('retained_until', 'varchar(10)')
      .addColumn('holds', 'integer', (col) => col.notNull())
      .addColumn('erased_at', 'varchar(32)')
      .addColumn('erasure_reason', 'varchar(32)')
      .addColumn('erasure_completed_at', 'varchar(32)')
      .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('customer_retention_due').on('customer_retention').columns(['status', 'retained_until']).execute();
  },
};
