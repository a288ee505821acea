import { type BlobStore, createFileBlobStore, createS3BlobStore, type S3BlobStoreConfig } from '@kluis/blob-store';
import { type CommitObserver, createEsdbEventStore, createPostgresEventStore, createSqliteEventStore, type EventStore } from '@kluis/event-store';
import type { BlobStoreLocation, EventStoreLocation } from '../config/backend-locations';
import type { DataLocations } from '../config/vault-config';
import { openKeyVault } from '../encryption/open-key-vault';
import { SealingEventStore } from '../encryption/sealing-event-store';

/** The store as it is at rest: personal fields sealed. The app and tools that read events use `openSealedEventStore`. */
export async function openEventStore(location: EventStoreLocation, onCommit?: CommitObserver): Promise<EventStore> {
  switch (location.kind) {
    case 'sqlite':
      return createSqliteEventStore(location.file, { onCommit });
    case 'postgres':
      return createPostgresEventStore(location.url, { onCommit });
    case 'esdb':
      return createEsdbEventStore(location.url);
  }
}

/** The event store as the vault sees it, with a key vault of its own, for tools that run beside the vault. */
export async function openSealedEventStore(config: DataLocations): Promise<EventStore> {
  const keys = await openKeyVault(config.encryption);
  try {
    return new SealingEventStore(await openEventStore(config.storage.eventStore), keys, true);
  } catch (error) {
    await keys.close();
    throw error;
  }
}

/** `now` tells the file store when a retention has passed; an S3 server goes by its own clock. */
export async function openBlobStore(
  location: BlobStoreLocation,
  s3: S3BlobStoreConfig | null,
  now?: () => Date,
): Promise<BlobStore> {
  if (location.kind === 'file') return createFileBlobStore(location.dir, { now });
  if (!s3) throw new Error('an s3 blob store needs its parsed configuration');
  const store = createS3BlobStore(s3);
  await store.ensureBucket();
  return store;
}
