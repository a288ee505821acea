import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { associatedData } from '../associated-data';
import { DataKeyUnwrapError } from '../crypto.errors';
import { DATA_KEY_BYTES, dataKeyOf } from '../data-key';
import type { DataKey } from '../key-vault.port';
import type { WrappedDataKey } from '../key-store/key-store.port';
import type { MasterKey } from '../master-key/master-key';
import { masterKeyById, type MasterKeyRing } from '../master-key/master-key-ring';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_BYTES = IV_BYTES + DATA_KEY_BYTES + TAG_BYTES;

// Binds the wrapped key to its subject, its id and its master key: copied to another subject's row, or relabelled
// with another id, it no longer authenticates.
const wrapAad = (subject: string, keyId: string, masterKeyId: string): Buffer =>
  associatedData('kluis/data-key/v1', subject, keyId, masterKeyId);

/** AES-256-GCM under the master key, with a random 96-bit IV: a master key wraps far fewer than 2^32 keys. */
export function wrapDataKey(dataKey: DataKey, masterKey: MasterKey, createdAt: string): WrappedDataKey {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrapAad(dataKey.subject, dataKey.keyId, masterKey.id));
  const ciphertext = Buffer.concat([cipher.update(dataKey.key.export()), cipher.final()]);
  return {
    subject: dataKey.subject,
    keyId: dataKey.keyId,
    masterKeyId: masterKey.id,
    wrapped: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url'),
    createdAt,
  };
}

/** Throws `UnknownMasterKeyError` when the ring lacks its master key, `DataKeyUnwrapError` when it does not open. */
export function unwrapDataKey(stored: WrappedDataKey, ring: MasterKeyRing): DataKey {
  const masterKey = masterKeyById(ring, stored.masterKeyId);
  const bytes = Buffer.from(stored.wrapped, 'base64url');
  if (bytes.length !== WRAPPED_BYTES) throw new DataKeyUnwrapError(stored.subject);
  const decipher = createDecipheriv('aes-256-gcm', masterKey.key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(wrapAad(stored.subject, stored.keyId, stored.masterKeyId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES + DATA_KEY_BYTES));
  let material: Buffer;
  try {
    material = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, IV_BYTES + DATA_KEY_BYTES)), decipher.final()]);
  } catch {
    throw new DataKeyUnwrapError(stored.subject);
  }
  return dataKeyOf(stored.subject, stored.keyId, material);
}
