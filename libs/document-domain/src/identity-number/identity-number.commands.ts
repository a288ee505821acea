import type { Actor } from '../domain-event';

export interface ReserveIdentityNumber {
  readonly type: 'ReserveIdentityNumber';
  readonly customerId: string;
  readonly documentId: string;
  /** A holder known to be erased: the number is no longer theirs, and passes to whoever proves it next. */
  readonly erasedHolder?: string;
  readonly by: Actor;
}

export type IdentityNumberCommand = ReserveIdentityNumber;
