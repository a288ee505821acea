import type { Decider } from '../domain-event';
import type { ReserveIdentityNumber } from './identity-number.commands';
import type { IdentityNumberEvent } from './identity-number.events';
import { evolveIdentityNumber, initialIdentityNumberState, type IdentityNumberState } from './identity-number.state';

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

export const identityNumberDecider: Decider<ReserveIdentityNumber, IdentityNumberEvent, IdentityNumberState, { now: Date }> = {
  initialState: initialIdentityNumberState,
  decide: decideIdentityNumber,
  evolve: evolveIdentityNumber,
};
