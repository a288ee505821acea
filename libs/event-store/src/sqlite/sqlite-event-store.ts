import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { EventStore } from '../event-store.port';
import type { EventStoreDatabase } from '../sql/events-table';
import { type CommitObserver, openSqlEventStore } from '../sql/sql-event-store';
import { sqliteDialect } from './sqlite-dialect';

export interface SqliteEventStoreOptions {
  /** Told after every commit how many appends and events it carried. */
  readonly onCommit?: CommitObserver;
  /** How often a caught-up subscription looks for events appended by another process. */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing as unavailable. */
  readonly busyTimeoutMs?: number;
}

/** The embedded event store: one SQLite file, created (with its schema) when missing. */
export async function createSqliteEventStore(
  filePath: string,
  options: SqliteEventStoreOptions = {},
): Promise<EventStore> {
  const database = new Database(filePath);
  try {
    // WAL lets readers (subscriptions, projections) run while a write commits; FULL syncs every commit to disk.
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5_000)}`);
    database.pragma('synchronous = FULL');
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<EventStoreDatabase>({ dialect: new SqliteDialect({ database }) });
  return openSqlEventStore(db, sqliteDialect, { pollIntervalMs: options.pollIntervalMs ?? 200, onCommit: options.onCommit });
}
