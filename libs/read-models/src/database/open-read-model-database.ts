import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool } from 'pg';
import { migrateReadModel } from './read-model.migrations';
import type { ReadModelSchema } from './read-model.schema';

export type ReadModelDatabase = Kysely<ReadModelSchema>;

export type ReadModelLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** Opens the read-model database and brings its schema up to date. */
export async function openReadModelDatabase(location: ReadModelLocation): Promise<ReadModelDatabase> {
  const db = new Kysely<ReadModelSchema>({ dialect: dialectFor(location) });
  try {
    await migrateReadModel(db as Kysely<unknown>);
    // Without statistics SQLite's planner picks a low-selectivity index for the customer lookups (a 40-fold slower
    // evidence query at 200k documents). A bounded analysis at open keeps them current for a vault that never rebuilds.
    if (location.kind === 'sqlite') await sql`PRAGMA analysis_limit = 1000`.execute(db).then(() => sql`PRAGMA optimize = 0x10002`.execute(db));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

function dialectFor(location: ReadModelLocation) {
  if (location.kind === 'postgres') {
    const pool = new Pool({ connectionString: location.url, max: 10 });
    // An idle connection the server drops (a restart, a failover, an administrator) is reported here; without a
    // listener that would crash the process. The pool discards it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    return new PostgresDialect({ pool });
  }
  mkdirSync(dirname(location.file), { recursive: true });
  const database = new Database(location.file);
  database.pragma('journal_mode = WAL');
  // Read models can be rebuilt from the events, so a power cut may cost the last transactions but never correctness:
  // the checkpoint lives in the same transaction as the rows.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // An erasure overwrites a customer's facts and free text; without this their old bytes would linger in the
  // file's free space, readable by whoever copies it.
  database.pragma('secure_delete = ON');
  return new SqliteDialect({ database });
}
