import { DOCUMENT_EVENT_VERSIONS, type DocumentEvent } from '@kluis/document-domain';
import type { NewEvent } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';

/** A domain event as the event store keeps it. */
export const stored = (event: DocumentEvent): NewEvent => ({
  id: randomUUID(),
  type: event.type,
  version: DOCUMENT_EVENT_VERSIONS[event.type],
  data: event.data as unknown as NewEvent['data'],
  metadata: {},
});
