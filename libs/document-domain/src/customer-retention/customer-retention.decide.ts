import { addMonths, isIsoDate } from '../calendar';
import type { Actor, Decider } from '../domain-event';
import type {
  CompleteErasure,
  CustomerRetentionCommand,
  EndRelationship,
  EraseWhenDue,
  LiftLegalHold,
  PlaceLegalHold,
  RequestErasure,
  StartRelationship,
} from './customer-retention.commands';
import { CustomerAlreadyErased, ErasureRefused, InvalidRelationshipEnd, LegalHoldNotFound, RelationshipNotActive } from './customer-retention.errors';
import type { CustomerRetentionEvent, ErasureReason } from './customer-retention.events';
import { type CustomerRetentionState, evolveCustomerRetention, initialCustomerRetentionState } from './customer-retention.state';

export interface CustomerRetentionContext {
  readonly now: Date;
  /** How long records are kept after the relationship ends (five under Dutch law). */
  readonly retentionYears: number;
}

export const DEFAULT_AML_RETENTION_YEARS = 5;

export function decideCustomerRetention(command: CustomerRetentionCommand, state: CustomerRetentionState, context: CustomerRetentionContext): CustomerRetentionEvent[] {
  switch (command.type) {
    case 'StartRelationship':
      return start(command, notErased(state), context);
    case 'EndRelationship':
      return end(command, notErased(state), context);
    case 'PlaceLegalHold':
      return placeHold(command, notErased(state), context);
    case 'LiftLegalHold':
      return liftHold(command, state, context);
    case 'RequestErasure':
      return requestErasure(command, state, context);
    case 'EraseWhenDue':
      return eraseWhenDue(command, state, context);
    case 'CompleteErasure':
      return completeErasure(command, state, context);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown command ${(unhandled as CustomerRetentionCommand).type}`);
    }
  }
}

export const customerRetentionDecider: Decider<CustomerRetentionCommand, CustomerRetentionEvent, CustomerRetentionState, CustomerRetentionContext> = {
  initialState: initialCustomerRetentionState,
  decide: decideCustomerRetention,
  evolve: evolveCustomerRetention,
};

/** The last day the records must be kept, for a relationship that ended on `endedOn`. */
export const retainedUntil = (endedOn: string, years: number) => addMonths(endedOn, years * 12);

const today = (now: Date) => now.toISOString().slice(0, 10);

function notErased(state: CustomerRetentionState): CustomerRetentionState {
  if (state.status === 'erased') throw new CustomerAlreadyErased();
  return state;
}

/** Starting an active relationship changes nothing; starting an ended one again stops its clock. */
function start(command: StartRelationship, state: CustomerRetentionState, { now }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (state.status === 'active') return [];
  return [{ type: 'CustomerRelationshipStarted', data: { customerId: command.customerId, startedOn: today(now), startedBy: command.by, startedAt: now.toISOString() } }];
}

function end(command: EndRelationship, state: CustomerRetentionState, { now, retentionYears }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (state.status !== 'active') throw new RelationshipNotActive(state.status === 'ended' ? 'ended' : 'prospect');
  if (!isIsoDate(command.endedOn)) throw new InvalidRelationshipEnd('endedOn must be a date written YYYY-MM-DD.');
  if (command.endedOn > today(now)) throw new InvalidRelationshipEnd('A relationship cannot end in the future: end it on the day it ends.');
  if (state.startedOn && command.endedOn < state.startedOn) throw new InvalidRelationshipEnd(`The relationship started on ${state.startedOn}; it cannot end before that.`);
  return [
    {
      type: 'CustomerRelationshipEnded',
      data: { customerId: command.customerId, endedOn: command.endedOn, retainedUntil: retainedUntil(command.endedOn, retentionYears), endedBy: command.by, endedAt: now.toISOString() },
    },
  ];
}

function placeHold(command: PlaceLegalHold, state: CustomerRetentionState, { now }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (state.holds.some((hold) => hold.id === command.holdId)) return [];
  const { customerId, holdId, reason, caseRef, by } = command;
  return [{ type: 'LegalHoldPlaced', data: { customerId, holdId, reason, caseRef, placedBy: by, placedAt: now.toISOString() } }];
}

function liftHold(command: LiftLegalHold, state: CustomerRetentionState, { now }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (!state.holds.some((hold) => hold.id === command.holdId)) throw new LegalHoldNotFound();
  return [{ type: 'LegalHoldLifted', data: { customerId: command.customerId, holdId: command.holdId, liftedBy: command.by, liftedAt: now.toISOString() } }];
}

const clockRanOut = (state: CustomerRetentionState, now: Date) => state.status === 'ended' && state.retainedUntil !== null && state.retainedUntil < today(now);

/**
 * A prospect (never a relationship, never relied on) is erased at once. Anyone else is refused while the law keeps
 * their records; once the clock has run out without a hold, their own request erases them as the process would.
 */
function requestErasure(command: RequestErasure, state: CustomerRetentionState, { now, retentionYears }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (state.status === 'erased') return [];
  const prospect = state.status === 'prospect' && command.reliedOnBy.length === 0;
  if (state.status === 'active' || (state.status === 'prospect' && !prospect)) throw new ErasureRefused('relationship-active', retentionYears, null);
  if (!prospect && !clockRanOut(state, now)) throw new ErasureRefused('retention-period', retentionYears, state.retainedUntil);
  // Checked last, so a hold changes the answer only where nothing else would have refused.
  if (state.holds.length > 0) throw new ErasureRefused('kept-for-now', retentionYears, null);
  return [erased(command.customerId, prospect ? 'prospect-request' : 'retention-ended', command.by, now)];
}

function eraseWhenDue(command: EraseWhenDue, state: CustomerRetentionState, { now }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (!clockRanOut(state, now) || state.holds.length > 0) return [];
  return [erased(command.customerId, 'retention-ended', RETENTION_PROCESS, now)];
}

const RETENTION_PROCESS: Actor = { id: 'kluis:retention', kind: 'staff' };

function erased(customerId: string, reason: ErasureReason, by: Actor, now: Date): CustomerRetentionEvent {
  return { type: 'CustomerErased', data: { customerId, reason, erasedBy: by, erasedAt: now.toISOString() } };
}

function completeErasure(command: CompleteErasure, state: CustomerRetentionState, { now }: CustomerRetentionContext): CustomerRetentionEvent[] {
  if (state.status !== 'erased' || state.erasure?.completedAt) return [];
  return [{ type: 'CustomerErasureCompleted', data: { customerId: command.customerId, documents: command.documents, completedAt: now.toISOString() } }];
}
