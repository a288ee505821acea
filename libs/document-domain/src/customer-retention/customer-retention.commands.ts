import type { Actor } from '../domain-event';

export interface StartRelationship {
  readonly type: 'StartRelationship';
  readonly customerId: string;
  readonly by: Actor;
}

export interface EndRelationship {
  readonly type: 'EndRelationship';
  readonly customerId: string;
  /** `YYYY-MM-DD`; the retention clock starts on this day. */
  readonly endedOn: string;
  readonly by: Actor;
}

export interface PlaceLegalHold {
  readonly type: 'PlaceLegalHold';
  readonly customerId: string;
  readonly holdId: string;
  readonly reason: string;
  readonly caseRef: string;
  readonly by: Actor;
}

export interface LiftLegalHold {
  readonly type: 'LiftLegalHold';
  readonly customerId: string;
  readonly holdId: string;
  readonly by: Actor;
}

/** The customer asks to be forgotten. */
export interface RequestErasure {
  readonly type: 'RequestErasure';
  readonly customerId: string;
  /** Departments that ever relied on one of the customer's documents: reliance makes them a customer, not a prospect. */
  readonly reliedOnBy: readonly string[];
  readonly by: Actor;
}

/** Sent by the retention process; a no-op unless the clock ran out and no hold applies. */
export interface EraseWhenDue {
  readonly type: 'EraseWhenDue';
  readonly customerId: string;
}

/** Sent by the retention process once the key is destroyed and every document is erased. */
export interface CompleteErasure {
  readonly type: 'CompleteErasure';
  readonly customerId: string;
  readonly documents: number;
}

export type CustomerRetentionCommand = StartRelationship | EndRelationship | PlaceLegalHold | LiftLegalHold | RequestErasure | EraseWhenDue | CompleteErasure;
