import { DataKeyNotFoundError } from '../crypto.errors';
import type { DataKey, KeyVault } from '../key-vault.port';
import { type JsonObject, openFields, type SealedFields } from './sealed-fields';

/** What sealed fields read as once their subject was erased: the history keeps its shape, the values are gone. */
export interface ErasedValue {
  readonly erased: true;
}

export const ERASED: ErasedValue = Object.freeze({ erased: true });

export const isErasedValue = (value: unknown): value is ErasedValue =>
  typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true && Object.keys(value).length === 1;

/**
 * The subject's data key, or `ERASED` when it was destroyed. A key that is simply missing is not an erasure and
 * throws `DataKeyNotFoundError`. For reading what was sealed under it, fields or blobs alike.
 */
export async function dataKeyOrErased(keys: Pick<KeyVault, 'existingDataKey' | 'isDestroyed'>, subject: string): Promise<DataKey | ErasedValue> {
  const dataKey = await keys.existingDataKey(subject);
  if (dataKey) return dataKey;
  if (await keys.isDestroyed(subject)) return ERASED;
  throw new DataKeyNotFoundError(subject);
}

/**
 * Opens sealed fields, or answers `ERASED` when the subject's key was destroyed. A missing key throws
 * `DataKeyNotFoundError`; a wrong or altered envelope throws `DecryptionError`.
 *
 * `keys` is any key vault; pass one that caches when opening many events of one subject.
 */
export async function openOrErased<T extends JsonObject>(
  keys: Pick<KeyVault, 'existingDataKey' | 'isDestroyed'>,
  subject: string,
  sealed: SealedFields<T>,
): Promise<T | ErasedValue> {
  const dataKey = await dataKeyOrErased(keys, subject);
  return isErasedValue(dataKey) ? dataKey : openFields(dataKey, subject, sealed);
}
