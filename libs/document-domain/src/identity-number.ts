import type { Actor, Decider, DomainEvent } from './domain-event';
import { DomainError } from './document.errors';
import { eventReader } from './upcasting/event-reader';

/*
 * One identity document number of one issuing country belongs to one person. A stream per (country, number), named
 * by a keyed hash so that no stream name shows a document number, holds whose it is: the first customer whose
 * document with it is verified. Approving it for another customer is refused, and the refusal is kept for support.
 * Two approvals at once on two customers meet on this one stream, and the append's expected revision lets one win.
 */

export type IdentityNumberReserved = DomainEvent<'IdentityNumberReserved', { customerId: string; documentId: string; reservedBy: Actor; reservedAt: string }>;

/** Someone approved a document carrying a number verified for another customer: for support to investigate. */
export type IdentityNumberRefused = DomainEvent<
  'IdentityNumberRefused',
  { customerId: string; documentId: string; heldBy: { customerId: string; documentId: string }; refusedBy: Actor; refusedAt: string }
>;

export type IdentityNumberEvent = IdentityNumberReserved | IdentityNumberRefused;

export const IDENTITY_NUMBER_EVENT_VERSIONS: Readonly<Record<IdentityNumberEvent['type'], number>> = {
  IdentityNumberReserved: 1,
  IdentityNumberRefused: 1,
};

export const readIdentityNumberEvent = eventReader<IdentityNumberEvent>(IDENTITY_NUMBER_EVENT_VERSIONS);

export const IDENTITY_NUMBER_STREAM_PREFIX = 'identity-number-';
/** `key` is a keyed hash of the country and number, never the number itself. */
export const identityNumberStream = (key: string) => `${IDENTITY_NUMBER_STREAM_PREFIX}${key}`;

export interface ReserveIdentityNumber {
  readonly type: 'ReserveIdentityNumber';
  readonly customerId: string;
  readonly documentId: string;
  /** A holder known to be erased: the number is no longer theirs, and passes to whoever proves it next. */
  readonly erasedHolder?: string;
  readonly by: Actor;
}

export interface IdentityNumberState {
  readonly holder: { readonly customerId: string; readonly documentId: string } | null;
}

export const initialIdentityNumberState: IdentityNumberState = { holder: null };

/**
 * Reserves the number for the customer, or records that it is another's. The same customer's renewal is a no-op; a
 * holder who was erased holds nothing any more, so a person who comes back under a new customer id is not refused.
 */
export function decideIdentityNumber(command: ReserveIdentityNumber, state: IdentityNumberState, { now }: { now: Date }): IdentityNumberEvent[] {
  const at = now.toISOString();
  const { customerId, documentId, by } = command;
  const free = !state.holder || state.holder.customerId === command.erasedHolder;
  if (free) return [{ type: 'IdentityNumberReserved', data: { customerId, documentId, reservedBy: by, reservedAt: at } }];
  if (state.holder!.customerId === customerId) return [];
  return [{ type: 'IdentityNumberRefused', data: { customerId, documentId, heldBy: state.holder!, refusedBy: by, refusedAt: at } }];
}

export function evolveIdentityNumber(state: IdentityNumberState, event: IdentityNumberEvent): IdentityNumberState {
  if (event.type === 'IdentityNumberReserved') return { holder: { customerId: event.data.customerId, documentId: event.data.documentId } };
  return state;
}

export const identityNumberDecider: Decider<ReserveIdentityNumber, IdentityNumberEvent, IdentityNumberState, { now: Date }> = {
  initialState: initialIdentityNumberState,
  decide: decideIdentityNumber,
  evolve: evolveIdentityNumber,
};

/** Says nothing of whose it is: that the number is another customer's is all a reviewer learns. */
export class IdentityNumberInUse extends DomainError {
  readonly code = 'DOCUMENT.NUMBER_IN_USE';
  readonly kind = 'conflict';
  override readonly fields = ['facts.documentNumber'];
  constructor() {
    super('A document with this number and issuing country is already verified for another customer. It was not verified; support has been told.');
  }
}
