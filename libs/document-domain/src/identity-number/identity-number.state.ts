import { assertNever } from '../assert-never';
import type { IdentityNumberEvent } from './identity-number.events';

export interface IdentityNumberState {
  readonly holder: { readonly customerId: string; readonly documentId: string } | null;
}

export const initialIdentityNumberState: IdentityNumberState = { holder: null };

export function evolveIdentityNumber(state: IdentityNumberState, event: IdentityNumberEvent): IdentityNumberState {
  switch (event.type) {
    case 'IdentityNumberReserved':
      return { holder: { customerId: event.data.customerId, documentId: event.data.documentId } };
    case 'IdentityNumberRefused':
      return state;
    default:
      return assertNever(event);
  }
}
