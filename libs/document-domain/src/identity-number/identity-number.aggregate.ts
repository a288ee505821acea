import { defineAggregate } from '../aggregate';
import type { IdentityNumberCommand } from './identity-number.commands';
import { identityNumberDecider } from './identity-number.decide';
import { IDENTITY_NUMBER_EVENT_VERSIONS, IDENTITY_NUMBER_STREAM_PREFIX, type IdentityNumberEvent } from './identity-number.events';
import { IDENTITY_NUMBER_PERSONAL_FIELDS } from './identity-number.personal-fields';
import type { IdentityNumberState } from './identity-number.state';
import { IDENTITY_NUMBER_UPCASTERS } from './identity-number.upcasters';

/** One stream per issuing country and number, named by a keyed hash of them. */
export const identityNumberAggregate = defineAggregate<IdentityNumberCommand, IdentityNumberEvent, IdentityNumberState, { now: Date }>({
  name: 'identity-number',
  streamPrefix: IDENTITY_NUMBER_STREAM_PREFIX,
  decider: identityNumberDecider,
  eventVersions: IDENTITY_NUMBER_EVENT_VERSIONS,
  upcasters: IDENTITY_NUMBER_UPCASTERS,
  personalFields: IDENTITY_NUMBER_PERSONAL_FIELDS,
});

export const readIdentityNumberEvent = identityNumberAggregate.read;
