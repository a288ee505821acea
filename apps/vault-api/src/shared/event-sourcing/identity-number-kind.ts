import {
  IDENTITY_NUMBER_EVENT_VERSIONS,
  type IdentityNumberEvent,
  type IdentityNumberState,
  identityNumberDecider,
  identityNumberStream,
  readIdentityNumberEvent,
  type ReserveIdentityNumber,
} from '@kluis/document-domain';
import type { AggregateKind } from './command-runner';

export const identityNumberKind: AggregateKind<ReserveIdentityNumber, IdentityNumberEvent, IdentityNumberState, { now: Date }> = {
  decider: identityNumberDecider,
  streamName: identityNumberStream,
  read: (recorded) => readIdentityNumberEvent(recorded.type, recorded.version, recorded.data),
  schemaVersion: (event) => IDENTITY_NUMBER_EVENT_VERSIONS[event.type],
};
