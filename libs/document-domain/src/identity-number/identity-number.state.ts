import type { IdentityNumberEvent } from './identity-number.events';

export interface IdentityNumberState {
  readonly holder: { readonly customerId: string; readonly documentId: string } | null;
}

export const initialIdentityNumberState: IdentityNumberState = { holder: null };

export function evolveIdentityNumber(state: IdentityNumberState, event: IdentityNumberEvent): IdentityNumberState {
  if (event.type === 'IdentityNumberReserved') return { holder: { customerId: event.data.customerId, documentId: event.data.documentId } };
  return state;
}
