import { sql, type Kysely } from 'kysely';
import type { ExpectedRevision, RecordedEvent } from '../event-store.port';
import type { EventStoreDatabase } from './events-table';
import { toRecordedEvent } from './recorded-event';

export type Db = Kysely<EventStoreDatabase>;

export function selectEvents(db: Db) {
  return db
    .selectFrom('events')
    .select(['position', 'event_id', 'stream', 'revision', 'type', 'version', 'recorded_at'])
    .select([sql<string>`cast(data as text)`.as('data'), sql<string>`cast(metadata as text)`.as('metadata')]);
}

export async function selectRevision(db: Db, stream: string): Promise<ExpectedRevision> {
  const row = await db
    .selectFrom('events')
    .select('revision')
    .where('stream', '=', stream)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? 'no_stream' : Number(row.revision);
}

export async function selectHead(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('position').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

/** Events strictly after `after` (and at or below `upTo`), in global order. */
export async function selectAfter(
  db: Db,
  after: number,
  limit: number,
  prefixes: readonly string[] | undefined,
  upTo?: number,
): Promise<RecordedEvent[]> {
  if (prefixes?.length === 0) return [];
  let query = selectEvents(db).where('position', '>', after);
  if (upTo !== undefined) query = query.where('position', '<=', upTo);
  if (prefixes) {
    // substr rather than LIKE: LIKE treats % and _ as wildcards, and SQLite's LIKE ignores ASCII case.
    query = query.where((eb) =>
      eb.or(prefixes.map((prefix) => eb(sql`substr(stream, 1, length(cast(${prefix} as text)))`, '=', prefix))),
    );
  }
  const rows = await query.orderBy('position').limit(limit).execute();
  return rows.map(toRecordedEvent);
}
