import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/** Migrations are code, not files, so the compiled app carries them. They run on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  '0001-subject-keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subject_keys')
        .addColumn('subject', 'varchar(200)', (col) => col.primaryKey())
        .addColumn('key_id', 'char(32)')
        .addColumn('master_key_id', 'varchar(32)')
        .addColumn('wrapped', 'text')
        .addColumn('created_at', 'varchar(32)')
        .addColumn('erased_at', 'varchar(32)')
        .addCheckConstraint(
          'subject_keys_live_or_erased',
          sql`(erased_at is null and key_id is not null and master_key_id is not null and wrapped is not null and created_at is not null)
            or (erased_at is not null and key_id is null and master_key_id is null and wrapped is null)`,
        )
        .execute();
      await db.schema.createIndex('subject_keys_by_master_key').on('subject_keys').column('master_key_id').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. On SQLite the migrator takes no lock, so two processes opening a new file at once
 * both try to migrate it: the one that loses fails, and its second attempt finds the work done.
 */
export async function migrateKeyStore(db: Kysely<unknown>, attempts = 3): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider,
    migrationTableName: 'key_store_migrations',
    migrationLockTableName: 'key_store_migrations_lock',
  }).migrateToLatest();
  if (!error) return;
  if (attempts > 1) return migrateKeyStore(db, attempts - 1);
  const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
  throw new Error(`key store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
}
