import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { InvalidMasterKeyError } from '../crypto.errors';

export const MASTER_KEY_BYTES = 32;

/** The key-encryption key (KEK). It wraps data keys and is never stored beside them. */
export interface MasterKey {
  /** Derived from the key itself, so the same key has the same id wherever it is loaded, with nothing to configure. */
  readonly id: string;
  readonly key: KeyObject;
}

const HOW_TO_MAKE_ONE = 'generate one with `openssl rand -base64 32`';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// 32 random bytes have about 30 distinct values and are all printable ASCII once in 10^14 draws. Falling short of
// either means a key typed or derived by hand, which a bank's data should not rest on.
const MIN_DISTINCT_BYTES = 16;

/** Reads a master key written as base64; `source` (a variable or file name) is what errors name. */
export function parseMasterKey(base64: string, source: string): MasterKey {
  const text = base64.trim();
  if (!BASE64.test(text)) throw new InvalidMasterKeyError(source, `the master key is not base64; ${HOW_TO_MAKE_ONE}`);
  return masterKeyFromBytes(Buffer.from(text, 'base64'), source);
}

export function masterKeyFromBytes(bytes: Buffer, source: string): MasterKey {
  if (bytes.length !== MASTER_KEY_BYTES) {
    throw new InvalidMasterKeyError(source, `the master key must be ${MASTER_KEY_BYTES} bytes, not ${bytes.length}; ${HOW_TO_MAKE_ONE}`);
  }
  if (new Set(bytes).size < MIN_DISTINCT_BYTES || bytes.every((byte) => byte >= 0x20 && byte < 0x7f)) {
    throw new InvalidMasterKeyError(source, `the master key is not random enough; ${HOW_TO_MAKE_ONE}`);
  }
  return Object.freeze({ id: masterKeyId(bytes), key: createSecretKey(bytes) });
}

const masterKeyId = (bytes: Buffer): string =>
  createHmac('sha256', bytes).update('kluis/master-key-id/v1').digest('hex').slice(0, 16);
