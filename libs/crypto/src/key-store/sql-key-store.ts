import { type Kysely, type Selectable, sql } from 'kysely';
import type { Tombstone } from '../key-vault.port';
import type { KeyRecord, KeyStore, Page, WrappedDataKey } from './key-store.port';
import type { KeyStoreSchema, SubjectKeysTable } from './key-store.schema';

export interface SqlKeyStoreOptions {
  /** Runs after a key was erased: SQLite uses it to push the erased page out of its write-ahead log. */
  readonly afterErase?: (db: Kysely<KeyStoreSchema>) => Promise<void>;
}

/** The key store on SQLite or PostgreSQL: the same statements, whose atomicity rests on the primary key. */
export class SqlKeyStore implements KeyStore {
  constructor(
    private readonly db: Kysely<KeyStoreSchema>,
    private readonly options: SqlKeyStoreOptions = {},
  ) {}

  async find(subject: string): Promise<KeyRecord | null> {
    const row = await this.db.selectFrom('subject_keys').selectAll().where('subject', '=', subject).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async insertIfAbsent(key: WrappedDataKey): Promise<KeyRecord> {
    await this.db
      .insertInto('subject_keys')
      .values({
        subject: key.subject,
        key_id: key.keyId,
        master_key_id: key.masterKeyId,
        wrapped: key.wrapped,
        created_at: key.createdAt,
        erased_at: null,
      })
      .onConflict((conflict) => conflict.column('subject').doNothing())
      .execute();
    const record = await this.find(key.subject);
    if (!record) throw new Error('a subject key vanished right after it was stored');
    return record;
  }

  async erase(subject: string, erasedAt: string): Promise<boolean> {
    const erased = await this.db
      .updateTable('subject_keys')
      .set({ key_id: null, master_key_id: null, wrapped: null, erased_at: erasedAt })
      .where('subject', '=', subject)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    const deleted = erased.numUpdatedRows > 0n;
    if (!deleted) {
      // Never seen, already erased, or a key inserted since the update ran: the upsert leaves a tombstone in every
      // case, and keeps the first erasure's date.
      await this.db
        .insertInto('subject_keys')
        .values({ subject, key_id: null, master_key_id: null, wrapped: null, created_at: null, erased_at: erasedAt })
        .onConflict((conflict) =>
          conflict.column('subject').doUpdateSet({
            key_id: null,
            master_key_id: null,
            wrapped: null,
            erased_at: sql<string>`coalesce(subject_keys.erased_at, excluded.erased_at)`,
          }),
        )
        .execute();
    }
    await this.options.afterErase?.(this.db);
    return deleted;
  }

  async rewrap(expected: WrappedDataKey, replacement: WrappedDataKey): Promise<boolean> {
    const result = await this.db
      .updateTable('subject_keys')
      .set({ master_key_id: replacement.masterKeyId, wrapped: replacement.wrapped })
      .where('subject', '=', expected.subject)
      .where('key_id', '=', expected.keyId)
      .where('wrapped', '=', expected.wrapped)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async liveKeys(page: Page): Promise<readonly WrappedDataKey[]> {
    let query = this.db.selectFrom('subject_keys').selectAll().where('erased_at', 'is', null);
    if (page.after !== undefined) query = query.where('subject', '>', page.after);
    const rows = await query.orderBy('subject').limit(page.limit).execute();
    return rows.map((row) => liveKey(row));
  }

  async tombstones(page: Page): Promise<readonly Tombstone[]> {
    let query = this.db.selectFrom('subject_keys').select(['subject', 'erased_at']).where('erased_at', 'is not', null);
    if (page.after !== undefined) query = query.where('subject', '>', page.after);
    const rows = await query.orderBy('subject').limit(page.limit).execute();
    return rows.map((row) => ({ subject: row.subject, erasedAt: String(row.erased_at) }));
  }

  async countByMasterKey(): Promise<Readonly<Record<string, number>>> {
    const rows = await this.db
      .selectFrom('subject_keys')
      .select(['master_key_id', (eb) => eb.fn.countAll<string | number>().as('keys')])
      .where('erased_at', 'is', null)
      .groupBy('master_key_id')
      .execute();
    return Object.fromEntries(rows.map((row) => [String(row.master_key_id), Number(row.keys)]));
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function toRecord(row: Selectable<SubjectKeysTable>): KeyRecord {
  if (row.erased_at !== null) return { state: 'erased', tombstone: { subject: row.subject, erasedAt: row.erased_at } };
  return { state: 'live', key: liveKey(row) };
}

function liveKey(row: Selectable<SubjectKeysTable>): WrappedDataKey {
  if (row.key_id === null || row.master_key_id === null || row.wrapped === null || row.created_at === null) {
    throw new Error(`the key store row for a subject is neither live nor erased`);
  }
  return {
    subject: row.subject,
    keyId: row.key_id,
    masterKeyId: row.master_key_id,
    wrapped: row.wrapped,
    createdAt: row.created_at,
  };
}
