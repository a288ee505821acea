import type { Kysely, Migration } from 'kysely';

/** Coalescing windows for the access record. */
export const accessWindowsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('access_windows')
      .addColumn('window_key', 'varchar(640)', (col) => col.primaryKey())
      .addColumn('opened_at', 'varchar(32)', (col) => col.notNull())
      .addColumn('count', 'integer', (col) => col.notNull())
      .execute();
  },
};
