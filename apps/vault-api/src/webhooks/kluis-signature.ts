import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every delivery is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'X-Kluis-Signature';

/** How far a signature's time may be from the receiver's clock before it counts as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const digest = (secret: string, timestamp: number, body: string | Buffer) => createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();

/** The signature header for `body` sent at `timestampSeconds`. The time is signed too, so it cannot be moved. */
export function kluisSignature(secret: string, body: string | Buffer, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${digest(secret, timestampSeconds, body).toString('hex')}`;
}

/**
 * For departments receiving the webhook: whether `header` signs exactly these body bytes with `secret`, at a time
 * within `toleranceSeconds` of `now`. Pass the body as received, before any JSON parsing. A stale time is refused
 * even with a valid signature, so a captured delivery cannot be replayed later; within the tolerance, drop
 * duplicates by X-Kluis-Delivery. Several v1 values are accepted, for when a secret is being rotated.
 */
export function verifyKluisSignature(
  secret: string,
  header: string | null | undefined,
  body: string | Buffer,
  now: Date = new Date(),
  toleranceSeconds: number = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) return false;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,15}$/.test(value)) return false;
      timestamp = Number(value);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === null || signatures.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = digest(secret, timestamp, body);
  return signatures.some((signature) => timingSafeEqual(signature, expected));
}
