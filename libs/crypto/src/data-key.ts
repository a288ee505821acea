import { createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import type { DataKey } from './key-vault.port';

export const DATA_KEY_BYTES = 32;
export const KEY_ID_BYTES = 16;
const KEY_ID_PATTERN = /^[0-9a-f]{32}$/;

export const isKeyId = (value: unknown): value is string => typeof value === 'string' && KEY_ID_PATTERN.test(value);

export function newDataKey(subject: string): DataKey {
  return dataKeyOf(subject, randomBytes(KEY_ID_BYTES).toString('hex'), randomBytes(DATA_KEY_BYTES));
}

export function dataKeyOf(subject: string, keyId: string, material: Buffer): DataKey {
  return Object.freeze({ subject, keyId, key: createSecretKey(material) });
}

/**
 * What each use of a data key is keyed with: blobs, fields and blind indexes never share a key, so a weakness in
 * one use (a repeated nonce, an index compared across tables) cannot reach the others.
 */
export type SubkeyPurpose = 'kluis/blob/v1' | 'kluis/fields/v1' | 'kluis/blind-index/v1';

export function deriveSubkey(dataKey: DataKey, purpose: SubkeyPurpose, salt: Buffer = Buffer.alloc(0)): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', dataKey.key, salt, purpose, DATA_KEY_BYTES)));
}
