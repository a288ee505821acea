import type { Kysely, Migration } from 'kysely';

/**
 * Marks a document whose chip reading failed passive authentication. It waits in review like any other, but can never
 * be approved, so no ask may wait on it. Rows projected before this column read as not failed until the documents
 * projection is rebuilt.
 */
export const chipFailedMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('documents').addColumn('chip_failed', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  },
};
