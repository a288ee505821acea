import { type DocumentOnFile, documentAggregate, isOnFile } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { loadStream } from '../shared/event-sourcing/load-stream';

export interface LoadedDocument {
  readonly state: DocumentOnFile;
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

/** Reads one document straight from its stream: always current, and the revision is exact for ETags. */
@Injectable()
export class DocumentReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(documentId: string): Promise<LoadedDocument | null> {
    const { state, revision, events } = await loadStream(this.store, documentAggregate, documentId);
    return isOnFile(state) ? { state, revision, events } : null;
  }
}
