import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Kysely, sql, SqliteDialect, type Transaction } from 'kysely';
import type { ReadModelLocation } from '../database/open-read-model-database';
import type { ReadModelSchema } from '../database/read-model.schema';
import { withCachedStatements } from './cached-statements';

type Db = Kysely<ReadModelSchema>;

/**
 * Where a projection is rebuilt beside the live tables: empty copies of them under the same names, in a namespace
 * of their own. SQLite keeps them in a file of its own, PostgreSQL in a schema of its own.
 */
export interface ShadowNamespace {
  /** The schema under which the copies are found from the live database during the swap. */
  readonly schema: string;
  /** Creates the copies (columns and keys; other indexes wait for `index`) and returns a database whose tables they are. */
  create(tables: readonly string[]): Promise<Db>;
  /** Adds the copies' other indexes, which is faster once the rows are in. */
  index(tables: readonly string[]): Promise<void>;
  /** Runs `work` on the live database in a transaction that keeps the live projector waiting, and readers not. */
  swap<T>(work: (trx: Transaction<ReadModelSchema>) => Promise<T>): Promise<T>;
  /** Refreshes the planner's statistics of the live tables, which now hold other rows. */
  analyze(tables: readonly string[]): Promise<void>;
  drop(): Promise<void>;
}

const shadowName = () => `kluis_rebuild_${randomBytes(4).toString('hex')}`;

export function shadowNamespaceFor(db: Db, location: ReadModelLocation, projectionName: string): ShadowNamespace {
  return location.kind === 'postgres' ? postgresShadow(db, projectionName) : sqliteShadow(db, location.file);
}

function sqliteShadow(live: Db, liveFile: string): ShadowNamespace {
  const schema = shadowName();
  const file = `${liveFile}.${schema}`;
  let shadow: Db | null = null;
  let database: Database.Database | null = null;
  let attached = false;
  // The copies are made from the live tables' own statements, so they match column for column.
  const definitions = async (tables: readonly string[], type: 'table' | 'index') => {
    const { rows } = await sql<{ sql: string }>`
      select sql from main.sqlite_master
      where type = ${type} and sql is not null and tbl_name in (${sql.join(tables)})
      order by name`.execute(live);
    return rows.map((row) => row.sql);
  };
  const closeShadow = async () => {
    const [openDb, openDatabase] = [shadow, database];
    shadow = null;
    database = null;
    await openDb?.destroy();
    // Kysely closes the database only if it ever ran a query on it.
    if (openDatabase?.open) openDatabase.close();
  };
  return {
    schema,
    async create(tables) {
      database = new Database(file);
      // Throwaway until the swap: no journal, no syncing, and a large cache for the one-off load.
      database.pragma('journal_mode = off');
      database.pragma('synchronous = off');
      database.pragma('cache_size = -262144');
      for (const statement of await definitions(tables, 'table')) database.exec(statement);
      shadow = new Kysely<ReadModelSchema>({ dialect: new SqliteDialect({ database: withCachedStatements(database) }) });
      return shadow;
    },
    async index(tables) {
      for (const statement of await definitions(tables, 'index')) database?.exec(statement);
    },
    async swap(work) {
      await closeShadow();
      await sql`attach database ${file} as ${sql.id(schema)}`.execute(live);
      attached = true;
      // BEGIN IMMEDIATE takes the write lock before anything is read, as the event store does; Kysely can only open a
      // plain BEGIN, so the transaction is opened on one connection by hand, and is a transaction to whoever uses it.
      return live.connection().execute(async (connection) => {
        await beginImmediate(connection);
        try {
          const result = await work(connection as unknown as Transaction<ReadModelSchema>);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      });
    },
    async analyze(tables) {
      // Without statistics SQLite may pick an index on a column most rows share (status) over the customer's,
      // and a query that should touch a handful of rows scans them all. A sample of each index is enough.
      await sql`pragma analysis_limit = 1000`.execute(live);
      for (const table of tables) await sql`analyze ${sql.id('main', table)}`.execute(live);
    },
    async drop() {
      await closeShadow();
      if (attached) await sql`detach database ${sql.id(schema)}`.execute(live);
      attached = false;
      await rm(file, { force: true });
    },
  };
}

const LOCK_ATTEMPTS = 50;

/**
 * Waits for the write lock: SQLite's busy timeout waits a while, and the live projector lets go between batches, so
 * a few more tries, each after a pause that lets other work run, get it without failing the whole rebuild.
 */
async function beginImmediate(connection: Db): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sql`begin immediate`.execute(connection);
      return;
    } catch (error) {
      const busy = String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
      if (!busy || attempt >= LOCK_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function postgresShadow(live: Db, projectionName: string): ShadowNamespace {
  const schema = shadowName();
  return {
    schema,
    async create(tables) {
      const { rows } = await sql<{ current: string }>`select current_schema() as current`.execute(live);
      await sql`create schema ${sql.id(schema)}`.execute(live);
      // Indexes come along: the copies need their keys for the projection's lookups anyway.
      for (const table of tables) await sql`create table ${sql.id(schema, table)} (like ${sql.id(rows[0].current, table)} including all)`.execute(live);
      return live.withSchema(schema);
    },
    async index() {},
    swap(work) {
      return live.transaction().execute(async (trx) => {
        // The live projector locks its checkpoint before its rows; taking it first too keeps the two from deadlocking.
        await trx.selectFrom('projection_checkpoints').select('position').where('name', '=', projectionName).forUpdate().execute();
        return work(trx);
      });
    },
    async analyze(tables) {
      for (const table of tables) await sql`analyze ${sql.id(table)}`.execute(live);
    },
    async drop() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(live);
    },
  };
}
