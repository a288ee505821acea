import { type BlobStore, createFileBlobStore, createS3BlobStore, type S3BlobStoreConfig } from '@kluis/blob-store';
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

export async function openBlobStore(location: BlobStoreLocation, s3: S3BlobStoreConfig | null): Promise<BlobStore> {
  if (location.kind === 'file') return createFileBlobStore(location.dir);
  if (!s3) throw new Error('an s3 blob store needs its parsed configuration');
  const store = createS3BlobStore(s3);
  await store.ensureBucket();
  return store;
}
