import { randomUUID } from 'node:crypto';
import { DOCUMENT_EVENT_VERSIONS, type DocumentEvent } from '../document/document.events';

/** A document event in the shape an event store takes it: a fresh id, today's schema version, and `metadata`. */
export const storedEvent = (event: DocumentEvent, metadata: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: event.type,
  version: DOCUMENT_EVENT_VERSIONS[event.type],
  data: event.data as unknown as Record<string, unknown>,
  metadata,
});
