import { nameBasedUuid } from '../shared/name-based-uuid';

/** Kluis's own name-based UUID namespace for webhook deliveries (RFC 9562, version 5). */
const NAMESPACE = Buffer.from('6f1f3b0c2d7e4a58b9e1c4a7d2f05e93', 'hex');

/**
 * The X-Kluis-Delivery id of a department's feed entry: the same for every attempt, instance and administrator's
 * retry, so a receiver that already handled it can drop the duplicate.
 */
export const deliveryId = (department: string, position: number): string => nameBasedUuid(NAMESPACE, `${department}:${position}`);
