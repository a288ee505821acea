import { DOCUMENT_STREAM_PREFIX, readDocumentEvent } from '@kluis/document-domain';
import type { EventStore } from '@kluis/event-store';

/** What the registry says a blob must be: the document that points at it, with the hash and size it recorded. */
export interface RegisteredBlob {
  readonly documentId: string;
  /** Whose key the blob is encrypted under. */
  readonly customerId: string;
  readonly sha256: string;
  readonly size: number;
}

/** Every blob the event store points at, and how far into the store it has read. */
export interface BlobRegistry {
  readonly blobs: Map<string, RegisteredBlob>;
  position: number;
}

const BATCH = 5_000;

/**
 * Reads the blobs the registry points at from the events themselves, never from a read model: a read model can lag
 * or be rebuilt, the events are the record. What it needs of them is never sealed, so it reads the store as stored. Reads on from `registry.position`, so it can be caught up cheaply.
 */
export async function readBlobRegistry(store: EventStore, registry: BlobRegistry = { blobs: new Map(), position: 0 }): Promise<BlobRegistry> {
  for (;;) {
    const batch = await store.readAll({ after: registry.position, limit: BATCH, streamPrefixes: [DOCUMENT_STREAM_PREFIX] });
    for (const recorded of batch) {
      // A file found infected was removed on purpose: its absence is not a loss.
      if (recorded.type === 'DocumentFoundInfected') {
        const event = readDocumentEvent(recorded.type, recorded.version, recorded.data);
        if (event.type === 'DocumentFoundInfected') registry.blobs.delete(event.data.removedBlobKey);
        continue;
      }
      if (recorded.type !== 'DocumentSubmitted') continue;
      const event = readDocumentEvent(recorded.type, recorded.version, recorded.data);
      if (event.type !== 'DocumentSubmitted') continue;
      const { documentId, customerId, file } = event.data;
      registry.blobs.set(file.blobKey, { documentId, customerId, sha256: file.sha256, size: file.size });
    }
    if (batch.length === 0) return registry;
    registry.position = batch[batch.length - 1].position;
    if (batch.length < BATCH) return registry;
  }
}
