import { sql, type Kysely } from 'kysely';
import type { EventStoreDatabase } from '../sql/events-table';
import type { SqlEventStoreDialect } from '../sql/sql-dialect';

/** Transaction-scoped advisory lock keys; any fixed numbers unique to this store. */
const APPEND_LOCK = 4_714_021_001;
const MIGRATION_LOCK = 4_714_021_002;

/** Node's socket errors and PostgreSQL's connection exceptions (class 08), shutdowns and "too many connections". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

interface DriverError {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** Duck-typed: socket errors may come from another realm (e.g. a test sandbox), where `instanceof Error` fails. */
function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as DriverError;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  return typeof message === 'string' && /connection terminated|connection timeout/i.test(message);
}

export const postgresDialect: SqlEventStoreDialect = {
  migrate: (db) =>
    db.transaction().execute(async (trx) => {
      // "create table if not exists" is not safe against a concurrent create, e.g. two instances starting together.
      await sql`select pg_advisory_xact_lock(cast(${MIGRATION_LOCK} as bigint))`.execute(trx);
      await sql`
        create table if not exists events (
          position bigint generated always as identity primary key,
          event_id text not null unique,
          stream text not null,
          revision bigint not null,
          type text not null,
          version integer not null,
          data json not null,
          metadata json not null,
          recorded_at timestamptz not null,
          unique (stream, revision)
        )`.execute(trx);
    }),

  inAppendTransaction: <T>(db: Kysely<EventStoreDatabase>, append: (trx: Kysely<EventStoreDatabase>) => Promise<T>) =>
    db.transaction().execute(async (trx) => {
      // Identity values are handed out before commit, so without one append at a time a reader could see position
      // 11 committed before 10 and skip 10 forever.
      await sql`select pg_advisory_xact_lock(cast(${APPEND_LOCK} as bigint))`.execute(trx);
      return append(trx);
    }),

  isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',

  isUnavailable,
};
