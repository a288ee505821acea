import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';

/** A new event with a fresh UUID; override whatever the test is about. */
export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'SomethingHappened',
    version: 1,
    data: { value: randomUUID() },
    metadata: { correlationId: randomUUID() },
    ...overrides,
  };
}
