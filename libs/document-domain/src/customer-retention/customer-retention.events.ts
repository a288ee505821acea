import type { Actor, DomainEvent } from '../domain-event';

/*
 * A customer's retention clock, in a stream of its own. Anti-money-laundering law keeps a customer's records for a
 * number of years after the business relationship ends; a legal hold keeps them longer. When the clock runs out
 * without a hold, the customer is erased: their key is destroyed and their documents are erased one by one.
 */

export type ErasureReason = 'retention-ended' | 'prospect-request';

export type CustomerRelationshipStarted = DomainEvent<
  'CustomerRelationshipStarted',
  { customerId: string; startedOn: string; startedBy: Actor; startedAt: string }
>;

/** `retainedUntil` is fixed when the relationship ends: the last day the records must be kept. */
export type CustomerRelationshipEnded = DomainEvent<
  'CustomerRelationshipEnded',
  { customerId: string; endedOn: string; retainedUntil: string; endedBy: Actor; endedAt: string }
>;

export type LegalHoldPlaced = DomainEvent<
  'LegalHoldPlaced',
  { customerId: string; holdId: string; reason: string; caseRef: string; placedBy: Actor; placedAt: string }
>;

export type LegalHoldLifted = DomainEvent<'LegalHoldLifted', { customerId: string; holdId: string; liftedBy: Actor; liftedAt: string }>;

export type CustomerErased = DomainEvent<'CustomerErased', { customerId: string; reason: ErasureReason; erasedBy: Actor; erasedAt: string }>;

/** Every document of the customer is erased and their key is destroyed: nothing is left to do for them. */
export type CustomerErasureCompleted = DomainEvent<'CustomerErasureCompleted', { customerId: string; documents: number; completedAt: string }>;

export type CustomerRetentionEvent =
  | CustomerRelationshipStarted
  | CustomerRelationshipEnded
  | LegalHoldPlaced
  | LegalHoldLifted
  | CustomerErased
  | CustomerErasureCompleted;

export const CUSTOMER_RETENTION_EVENT_VERSIONS: Readonly<Record<CustomerRetentionEvent['type'], number>> = {
  CustomerRelationshipStarted: 1,
  CustomerRelationshipEnded: 1,
  LegalHoldPlaced: 1,
  LegalHoldLifted: 1,
  CustomerErased: 1,
  CustomerErasureCompleted: 1,
};

export const CUSTOMER_STREAM_PREFIX = 'customer-';
export const customerStream = (customerId: string) => `${CUSTOMER_STREAM_PREFIX}${customerId}`;
