import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { EventStore } from '../event-store.port';
import type { EventStoreDatabase } from '../sql/events-table';
import { type CommitObserver, openSqlEventStore } from '../sql/sql-event-store';
import { postgresDialect } from './postgres-dialect';

export interface PostgresEventStoreOptions {
  /** Told after every commit how many appends and events it carried. */
  readonly onCommit?: CommitObserver;
  /** How often a caught-up subscription looks for events appended by other instances. */
  readonly pollIntervalMs?: number;
  readonly maxConnections?: number;
  /** How long to wait for a connection before failing with `EventStoreUnavailableError`. */
  readonly connectTimeoutMs?: number;
}

/** The event store in a PostgreSQL database; its table is created when missing. */
export async function createPostgresEventStore(
  connectionString: string,
  options: PostgresEventStoreOptions = {},
): Promise<EventStore> {
  const pool = new Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // An idle connection the server drops is reported here; without a listener that would crash the process. The pool
  // discards it and the next query opens a fresh one.
  pool.on('error', () => undefined);
  const db = new Kysely<EventStoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  return openSqlEventStore(db, postgresDialect, { pollIntervalMs: options.pollIntervalMs ?? 200, onCommit: options.onCommit });
}
