import { createHash } from 'node:crypto';

/** Kluis's own name-based UUID namespace for webhook deliveries (RFC 9562, version 5). */
const NAMESPACE = Buffer.from('6f1f3b0c2d7e4a58b9e1c4a7d2f05e93', 'hex');

/**
 * The X-Kluis-Delivery id of a department's feed entry: the same for every attempt, instance and administrator's
 * retry, so a receiver that already handled it can drop the duplicate.
 */
export function deliveryId(department: string, position: number): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(`${department}:${position}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
