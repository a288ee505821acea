import { randomUUID } from 'node:crypto';
import type { EventMetadata } from './event-metadata';

/** Metadata for what the vault does by itself, such as expiring a document: the process is the principal. */
export function systemMetadata(process: string, at: Date): EventMetadata {
  const id = randomUUID();
  return { correlationId: id, causationId: id, principal: { sub: `kluis:${process}`, roles: [], department: null }, at: at.toISOString() };
}
