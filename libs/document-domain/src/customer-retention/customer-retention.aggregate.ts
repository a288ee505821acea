import { defineAggregate } from '../aggregate';
import type { CustomerRetentionCommand } from './customer-retention.commands';
import { type CustomerRetentionContext, customerRetentionDecider } from './customer-retention.decide';
import { CUSTOMER_RETENTION_EVENT_VERSIONS, CUSTOMER_STREAM_PREFIX, type CustomerRetentionEvent } from './customer-retention.events';
import { CUSTOMER_RETENTION_PERSONAL_FIELDS } from './customer-retention.personal-fields';
import type { CustomerRetentionState } from './customer-retention.state';
import { CUSTOMER_RETENTION_UPCASTERS } from './customer-retention.upcasters';

/** One stream per customer, named by their id: their retention clock and legal holds. */
export const customerRetentionAggregate = defineAggregate<CustomerRetentionCommand, CustomerRetentionEvent, CustomerRetentionState, CustomerRetentionContext>({
  name: 'customer-retention',
  streamPrefix: CUSTOMER_STREAM_PREFIX,
  decider: customerRetentionDecider,
  eventVersions: CUSTOMER_RETENTION_EVENT_VERSIONS,
  upcasters: CUSTOMER_RETENTION_UPCASTERS,
  personalFields: CUSTOMER_RETENTION_PERSONAL_FIELDS,
});

/** Turns a stored customer event into today's shape; refuses what it does not know, loudly. */
export const readCustomerRetentionEvent = customerRetentionAggregate.read;
