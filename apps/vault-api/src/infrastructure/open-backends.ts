import { type BlobStore, createFileBlobStore } from '@kluis/blob-store';
import { createEsdbEventStore, createPostgresEventStore, createSqliteEventStore, type EventStore } from '@kluis/event-store';
import type { BlobStoreLocation, EventStoreLocation } from '../config/backend-locations';

export async function openEventStore(location: EventStoreLocation): Promise<EventStore> {
  switch (location.kind) {
    case 'sqlite':
      return createSqliteEventStore(location.file);
    case 'postgres':
      return createPostgresEventStore(location.url);
    case 'esdb':
      return createEsdbEventStore(location.url);
  }
}

export async function openBlobStore(location: BlobStoreLocation): Promise<BlobStore> {
  return createFileBlobStore(location.dir);
}
