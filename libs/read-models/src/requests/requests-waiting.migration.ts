import type { Kysely, Migration } from 'kysely';

/** Asks that wait on a document in review instead of asking the customer, why the customer was asked, and escalations. */
export const requestsWaitingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('document_requests').addColumn('waiting_on', 'varchar(64)').execute();
    await db.schema.alterTable('document_requests').addColumn('review_due_at', 'varchar(32)').execute();
    await db.schema.alterTable('document_requests').addColumn('sent_after_rejection', 'text').execute();
    await db.schema.alterTable('document_requests').addColumn('escalations', 'text', (col) => col.notNull().defaultTo('[]')).execute();
    await db.schema.createIndex('requests_by_waiting_document').on('document_requests').columns(['waiting_on', 'status']).execute();
  },
};
