import type { FeedEntry } from '@kluis/read-models';
import { deliveryId } from './delivery-id';
import { type DeliveryAttempt, postSigned, type PostOptions } from './post-signed';
import type { WebhookEndpoint } from '../config/webhook-config';

export type { DeliveryAttempt } from './post-signed';

export interface SendOptions extends PostOptions {
  readonly department: string;
}

/** POSTs the entry as JSON, exactly as GET /v1/feed shows it, signed. */
export function sendFeedEntry(endpoint: WebhookEndpoint, entry: FeedEntry, options: SendOptions): Promise<DeliveryAttempt> {
  return postSigned(endpoint, JSON.stringify(entry), { 'X-Kluis-Delivery': deliveryId(options.department, entry.position), 'X-Kluis-Position': String(entry.position) }, options);
}
