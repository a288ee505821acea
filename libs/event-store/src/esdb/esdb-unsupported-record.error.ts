/** A record in EventStoreDB that the port cannot represent, or an event the adapter refuses to write. */
export class EsdbUnsupportedRecordError extends Error {
  readonly code = 'EVENT_STORE.ESDB_UNSUPPORTED_RECORD';

  constructor(message: string) {
    super(message);
    this.name = 'EsdbUnsupportedRecordError';
  }
}
