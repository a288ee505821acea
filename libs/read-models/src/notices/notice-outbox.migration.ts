import type { Kysely, Migration } from 'kysely';

export const noticeOutboxMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notice_outbox')
      .addColumn('notice_id', 'varchar(64)', (col) => col.primaryKey())
      .addColumn('customer_id', 'varchar(128)', (col) => col.notNull())
      .addColumn('position', 'bigint', (col) => col.notNull())
      .addColumn('state', 'varchar(16)', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull())
      .addColumn('retry_at', 'varchar(32)', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('notice_outbox_due').on('notice_outbox').columns(['state', 'retry_at']).execute();
  },
};
