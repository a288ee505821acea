import { sql, type Kysely } from 'kysely';
import type { EventStoreDatabase } from '../sql/events-table';
import type { SqlEventStoreDialect } from '../sql/sql-dialect';

type Db = Kysely<EventStoreDatabase>;

/**
 * BEGIN IMMEDIATE takes SQLite's single write lock up front. A plain BEGIN would read the stream's revision under a
 * read snapshot and fail with SQLITE_BUSY_SNAPSHOT, without waiting, when another process wrote in between.
 */
async function inImmediateTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

export const sqliteDialect: SqlEventStoreDialect = {
  migrate: (db) =>
    inImmediateTransaction(db, async (trx) => {
      await sql`
        create table if not exists events (
          position integer primary key autoincrement,
          event_id text not null unique,
          stream text not null,
          revision integer not null,
          type text not null,
          version integer not null,
          data text not null,
          metadata text not null,
          recorded_at text not null,
          unique (stream, revision)
        )`.execute(trx);
    }),

  // SQLite has one writer at a time, and positions are handed out inside the write transaction.
  inAppendTransaction: inImmediateTransaction,

  isUniqueViolation: (error) =>
    errorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' || errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY',

  isUnavailable: (error) => {
    const code = errorCode(error);
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  },
};
