import type { ColumnType } from 'kysely';

/**
 * One row per event. Integers come back as numbers from SQLite and as strings (bigint) from PostgreSQL, and
 * `recorded_at` as text or a Date, so rows are converted in one place (`recorded-event.ts`).
 */
export interface EventsTable {
  position: ColumnType<number | string, never, never>;
  event_id: string;
  stream: string;
  revision: ColumnType<number | string, number, never>;
  type: string;
  version: ColumnType<number | string, number, never>;
  /** JSON text; selected with a cast to text so both dialects hand back exactly what was written. */
  data: string;
  metadata: string;
  recorded_at: ColumnType<Date | string, string, never>;
}

export interface EventStoreDatabase {
  events: EventsTable;
}
