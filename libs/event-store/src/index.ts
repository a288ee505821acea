export * from './event-store.port';
export * from './event-store.errors';
export { EventIdAlreadyUsedError } from './sql/event-id-already-used.error';
export type { CommitObserver, CommitStats } from './sql/sql-event-store';
export { createSqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { createEsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
