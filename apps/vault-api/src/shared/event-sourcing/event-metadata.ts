import type { Principal } from '@kluis/auth';
import type { JsonObject } from '@kluis/event-store';

/** Who caused an event and in answer to what: written on every event. */
export interface EventMetadata extends JsonObject {
  correlationId: string;
  causationId: string;
  principal: { sub: string; roles: string[]; department: string | null };
  at: string;
  /** The customer the event is about: personal fields in it are sealed under their key. */
  subject?: string;
}

export function metadataFor(principal: Principal, requestId: string, at: Date, subject?: string): EventMetadata {
  return {
    correlationId: requestId,
    causationId: requestId,
    principal: { sub: principal.sub, roles: [...principal.roles], department: principal.department ?? null },
    at: at.toISOString(),
    ...(subject === undefined ? {} : { subject }),
  };
}
