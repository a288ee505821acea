import type { Actor, DomainEvent } from '../domain-event';

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

export const IDENTITY_NUMBER_STREAM_PREFIX = 'identity-number-';
/** `key` is a keyed hash of the country and number, never the number itself. */
export const identityNumberStream = (key: string) => `${IDENTITY_NUMBER_STREAM_PREFIX}${key}`;
