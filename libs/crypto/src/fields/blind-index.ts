import { createHmac } from 'node:crypto';
import { associatedData } from '../associated-data';
import { deriveSubkey } from '../data-key';
import type { DataKey } from '../key-vault.port';

/**
 * A stable, keyed fingerprint of `value` (HMAC-SHA256, 64 hex characters) for equality lookups on sealed data,
 * such as "has this customer uploaded these bytes before" or "this document number again". Equal inputs under one
 * subject's key give equal indexes; without the key nothing can be learned from one, and once the key is destroyed
 * it can no longer be linked to anything.
 *
 * `field` keeps indexes of different fields apart, so a document number never matches a date. Normalise values
 * first (case, spacing) when equal should mean "equal once normalised".
 */
export function blindIndex(dataKey: DataKey, value: string | Uint8Array, field = ''): string {
  return createHmac('sha256', deriveSubkey(dataKey, 'kluis/blind-index/v1'))
    .update(associatedData(field, value))
    .digest('hex');
}
