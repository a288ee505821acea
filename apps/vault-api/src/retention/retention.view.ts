import type { CustomerRetentionState } from '@kluis/document-domain';
import type { CustomerRetentionView } from '@kluis/read-models';

/** Where the clock stands, as people say it: `retained` means the relationship ended and the records are kept. */
export type RetentionStatus = 'prospect' | 'active' | 'retained' | 'on_hold' | 'erased';

export function retentionStatus(state: CustomerRetentionState): RetentionStatus {
  if (state.status === 'erased') return 'erased';
  if (state.holds.length > 0) return 'on_hold';
  return state.status === 'ended' ? 'retained' : state.status;
}

/** The whole picture, for support. */
export function retentionView(customerId: string, state: CustomerRetentionState, revision: number) {
  return {
    customerId,
    status: retentionStatus(state),
    startedOn: state.startedOn,
    endedOn: state.endedOn,
    retainedUntil: state.retainedUntil,
    legalHolds: state.holds.map((hold) => ({ id: hold.id, reason: hold.reason, caseRef: hold.caseRef, placedAt: hold.placedAt })),
    erasedAt: state.erasure?.at ?? null,
    erasureReason: state.erasure?.reason ?? null,
    revision,
  };
}

export type RetentionView = ReturnType<typeof retentionView>;

/**
 * What a customer sees of their own retention: where the clock stands and when their records may go. A legal hold is
 * left out: it may guard an investigation the customer must not be tipped off about (Wwft article 23).
 */
export const myRetentionView = (state: CustomerRetentionState) => ({
  status: retentionStatus({ ...state, holds: [] }),
  retainedUntil: state.retainedUntil,
  erasedAt: state.erasure?.at ?? null,
});

/** The same, from the read model, where a customer nothing happened to yet has no row. */
export function myRetentionFromReadModel(row: CustomerRetentionView | null) {
  if (!row) return { status: 'prospect' as const, retainedUntil: null, erasedAt: null };
  const status: RetentionStatus = row.status === 'erased' ? 'erased' : row.status === 'ended' ? 'retained' : row.status;
  return { status, retainedUntil: row.retainedUntil, erasedAt: row.erasedAt };
}
