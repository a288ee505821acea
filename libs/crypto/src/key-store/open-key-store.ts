import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool } from 'pg';
import type { KeyStore } from './key-store.port';
import { migrateKeyStore } from './key-store.migrations';
import type { KeyStoreSchema } from './key-store.schema';
import { SqlKeyStore, type SqlKeyStoreOptions } from './sql-key-store';

export type KeyStoreLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** The default embedded key store, beside the other SQLite files in the data directory. */
export const DEFAULT_KEY_STORE_FILE = 'keys.db';

/**
 * Opens the key store and brings its schema up to date. Keep it apart from the read models: they are rebuilt from
 * the events, and keys cannot be.
 */
export async function openKeyStore(location: KeyStoreLocation): Promise<KeyStore> {
  const { db, options } = location.kind === 'postgres' ? postgres(location.url) : sqlite(location.file);
  try {
    await migrateKeyStore(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlKeyStore(db, options);
}

function postgres(url: string): { db: Kysely<KeyStoreSchema>; options: SqlKeyStoreOptions } {
  const pool = new Pool({ connectionString: url, max: 5 });
  // An idle connection the server drops is reported here; without a listener that would crash the process. The
  // pool discards it and the next query opens a fresh one.
  pool.on('error', () => undefined);
  return { db: new Kysely<KeyStoreSchema>({ dialect: new PostgresDialect({ pool }) }), options: {} };
}

function sqlite(file: string): { db: Kysely<KeyStoreSchema>; options: SqlKeyStoreOptions } {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // A key lost to a power cut would leave blobs and fields nobody can open again: every commit reaches the disk.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  // An erased key's bytes are overwritten with zeroes in the file, not merely marked free.
  database.pragma('secure_delete = ON');
  return {
    db: new Kysely<KeyStoreSchema>({ dialect: new SqliteDialect({ database }) }),
    options: {
      // The page that held the key may linger in the write-ahead log until a checkpoint copies its zeroed successor
      // over it. Best effort: a reader holding an old snapshot makes the checkpoint stop short, and the next one
      // finishes the job.
      afterErase: async (db) => {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      },
    },
  };
}
