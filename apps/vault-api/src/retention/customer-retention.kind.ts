import {
  CUSTOMER_RETENTION_EVENT_VERSIONS,
  type CustomerRetentionCommand,
  type CustomerRetentionContext,
  type CustomerRetentionEvent,
  type CustomerRetentionState,
  customerRetentionDecider,
  customerStream,
  readCustomerRetentionEvent,
} from '@kluis/document-domain';
import type { AggregateKind } from '../shared/event-sourcing/command-runner';

export const customerRetentionKind: AggregateKind<CustomerRetentionCommand, CustomerRetentionEvent, CustomerRetentionState, CustomerRetentionContext> = {
  decider: customerRetentionDecider,
  streamName: customerStream,
  read: (recorded) => readCustomerRetentionEvent(recorded.type, recorded.version, recorded.data),
  schemaVersion: (event) => CUSTOMER_RETENTION_EVENT_VERSIONS[event.type],
};
