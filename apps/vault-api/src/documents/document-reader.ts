import { type DocumentOnFile, documentStream, isOnFile } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { documentKind } from '../shared/event-sourcing/document-kind';

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
    const stream = await this.store.readStream(documentStream(documentId));
    if (stream.revision === 'no_stream') return null;
    const state = stream.events.map(documentKind.read).reduce(documentKind.decider.evolve, documentKind.decider.initialState);
    return isOnFile(state) ? { state, revision: stream.revision, events: stream.events } : null;
  }
}
