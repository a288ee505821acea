import type { Kysely } from 'kysely';
import type { EventStoreDatabase } from './events-table';

/** What differs between the SQL databases the event store runs on. Everything else is shared. */
export interface SqlEventStoreDialect {
  /** Creates or upgrades the schema. Runs at every open, possibly by several processes at once. */
  migrate(db: Kysely<EventStoreDatabase>): Promise<void>;
  /**
   * Runs `append` in a transaction that no other append overlaps, so positions become visible to readers in the
   * order they were handed out and a reader never skips one.
   */
  inAppendTransaction<T>(
    db: Kysely<EventStoreDatabase>,
    append: (trx: Kysely<EventStoreDatabase>) => Promise<T>,
  ): Promise<T>;
  isUniqueViolation(error: unknown): boolean;
  /** The database could not be reached or did not answer in time. */
  isUnavailable(error: unknown): boolean;
}
