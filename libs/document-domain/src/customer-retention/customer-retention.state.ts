import { assertNever } from '../assert-never';
import type { CustomerRetentionEvent, ErasureReason } from './customer-retention.events';

export interface LegalHold {
  readonly id: string;
  readonly reason: string;
  readonly caseRef: string;
  readonly placedAt: string;
}

/** `prospect`: no relationship was ever started. */
export type RelationshipStatus = 'prospect' | 'active' | 'ended' | 'erased';

export interface CustomerRetentionState {
  readonly status: RelationshipStatus;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  readonly retainedUntil: string | null;
  readonly holds: readonly LegalHold[];
  readonly erasure: { readonly reason: ErasureReason; readonly at: string; readonly completedAt: string | null } | null;
}

export const initialCustomerRetentionState: CustomerRetentionState = {
  status: 'prospect',
  startedOn: null,
  endedOn: null,
  retainedUntil: null,
  holds: [],
  erasure: null,
};

export function evolveCustomerRetention(state: CustomerRetentionState, event: CustomerRetentionEvent): CustomerRetentionState {
  switch (event.type) {
    case 'CustomerRelationshipStarted':
      return { ...state, status: 'active', startedOn: event.data.startedOn, endedOn: null, retainedUntil: null };
    case 'CustomerRelationshipEnded':
      return { ...state, status: 'ended', endedOn: event.data.endedOn, retainedUntil: event.data.retainedUntil };
    case 'LegalHoldPlaced': {
      const { holdId, reason, caseRef, placedAt } = event.data;
      return { ...state, holds: [...state.holds, { id: holdId, reason, caseRef, placedAt }] };
    }
    case 'LegalHoldLifted':
      return { ...state, holds: state.holds.filter((hold) => hold.id !== event.data.holdId) };
    case 'CustomerErased':
      return { ...state, status: 'erased', erasure: { reason: event.data.reason, at: event.data.erasedAt, completedAt: null } };
    case 'CustomerErasureCompleted':
      return state.erasure ? { ...state, erasure: { ...state.erasure, completedAt: event.data.completedAt } } : state;
    default:
      return assertNever(event);
  }
}
