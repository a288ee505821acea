import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { associatedData } from '../associated-data';
import { DecryptionError } from '../crypto.errors';
import { deriveSubkey, isKeyId } from '../data-key';
import type { DataKey } from '../key-vault.port';
import { assertKeyOf } from '../subject';

export type JsonObject = { [key: string]: unknown };

declare const plaintextType: unique symbol;

/**
 * Personal fields sealed for storage in an event: plain JSON, safe to serialise anywhere. `T` only remembers, for
 * the compiler, what opening it gives back.
 */
export interface SealedFields<T extends JsonObject = JsonObject> {
  readonly $sealed: 'v1';
  /** The data key's id, so a reader knows which key it needs. */
  readonly kid: string;
  /** base64url of a random 96-bit IV: sealing the same value twice gives different envelopes. */
  readonly iv: string;
  /** base64url of the AES-256-GCM ciphertext of the JSON text, followed by the tag. */
  readonly ct: string;
  readonly [plaintextType]?: T;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const IV_TEXT = /^[A-Za-z0-9_-]{16}$/;
const CT_TEXT = /^[A-Za-z0-9_-]{22,}$/;

const fieldsAad = (subject: string, keyId: string): Buffer => associatedData('kluis/fields/v1', subject, keyId);

export function sealFields<T extends JsonObject>(dataKey: DataKey, subject: string, value: T): SealedFields<T> {
  assertKeyOf(dataKey, subject);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveSubkey(dataKey, 'kluis/fields/v1'), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(fieldsAad(subject, dataKey.keyId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { $sealed: 'v1', kid: dataKey.keyId, iv: iv.toString('base64url'), ct: ciphertext.toString('base64url') };
}

/** Throws `DecryptionError` when the envelope was altered, sealed for another subject, or under another key. */
export function openFields<T extends JsonObject = JsonObject>(dataKey: DataKey, subject: string, sealed: SealedFields<T>): T {
  assertKeyOf(dataKey, subject);
  if (!isSealedFields(sealed)) throw new DecryptionError('not-encrypted');
  if (sealed.kid !== dataKey.keyId) throw new DecryptionError('wrong-key');
  const bytes = Buffer.from(sealed.ct, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', deriveSubkey(dataKey, 'kluis/fields/v1'), Buffer.from(sealed.iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(fieldsAad(subject, dataKey.keyId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('authentication-failed');
  }
  return JSON.parse(text) as T;
}

export function isSealedFields(value: unknown): value is SealedFields {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['$sealed'] === 'v1' &&
    isKeyId(candidate['kid']) &&
    typeof candidate['iv'] === 'string' &&
    IV_TEXT.test(candidate['iv']) &&
    typeof candidate['ct'] === 'string' &&
    CT_TEXT.test(candidate['ct'])
  );
}
