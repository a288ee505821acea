import type { PersonalFields } from '../aggregate';
import type { IdentityNumberEvent } from './identity-number.events';

/** Ids only: the number itself is in no event, only in the stream's keyed-hash name. */
export const IDENTITY_NUMBER_PERSONAL_FIELDS: PersonalFields<IdentityNumberEvent> = {
  IdentityNumberReserved: [],
  IdentityNumberRefused: [],
};
