export { postSigned } from './post-signed';
export { retryDelayMs } from './retry-delay';
export type { WebhookEndpoint } from './webhook-config';
