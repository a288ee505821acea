import { createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto';
import { associatedData } from '../associated-data';
import { DecryptionError } from '../crypto.errors';
import { deriveSubkey, KEY_ID_BYTES } from '../data-key';
import type { DataKey } from '../key-vault.port';

/*
 * The encrypted blob format, version 1 (a STREAM construction, as in Tink's streaming AEAD):
 *
 *   header  magic "KLBE" | version 0x01 | chunk size (uint32 BE) | data key id (16 bytes) | base nonce (12 bytes)
 *   chunk*  AES-256-GCM ciphertext of `chunk size` plaintext bytes | 16-byte tag; the last one holds the rest
 *           (0 to `chunk size` bytes) and is the only one sealed as final.
 *
 * Each blob is sealed with its own key, HKDF-SHA256(data key, salt = base nonce), so GCM's limits count per blob.
 * Chunk i uses the base nonce with i XORed into its last 8 bytes, and authenticates the whole header, the subject,
 * the caller's associated data, i and the final flag: chunks cannot be altered, reordered, moved between blobs or
 * subjects, or cut off at a chunk boundary without the tag check failing.
 */
export const MAGIC = Buffer.from('KLBE', 'ascii');
export const FORMAT_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 1 + 4 + KEY_ID_BYTES + NONCE_BYTES;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
/** Bounds what a reader buffers, whatever a header claims. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
export const MIN_CHUNK_BYTES = 16;

export interface BlobHeader {
  readonly chunkBytes: number;
  readonly keyId: string;
  readonly baseNonce: Buffer;
}

export function encodeHeader(header: BlobHeader): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 4);
  bytes.writeUInt32BE(header.chunkBytes, 5);
  Buffer.from(header.keyId, 'hex').copy(bytes, 9);
  header.baseNonce.copy(bytes, 9 + KEY_ID_BYTES);
  return bytes;
}

export function decodeHeader(bytes: Buffer): BlobHeader {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new DecryptionError('not-encrypted');
  if (bytes.readUInt8(4) !== FORMAT_VERSION) throw new DecryptionError('unsupported-version');
  const chunkBytes = bytes.readUInt32BE(5);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) throw new DecryptionError('authentication-failed');
  return {
    chunkBytes,
    keyId: bytes.subarray(9, 9 + KEY_ID_BYTES).toString('hex'),
    baseNonce: Buffer.from(bytes.subarray(9 + KEY_ID_BYTES, HEADER_BYTES)),
  };
}

/** Seals or opens the chunks of one blob, in order. */
export class ChunkCipher {
  private readonly key: KeyObject;
  private readonly aadPrefix: Buffer;
  private index = 0;

  constructor(
    dataKey: DataKey,
    aad: string | Uint8Array,
    private readonly header: BlobHeader,
  ) {
    this.key = deriveSubkey(dataKey, 'kluis/blob/v1', header.baseNonce);
    this.aadPrefix = associatedData(encodeHeader(header), dataKey.subject, aad);
  }

  seal(plaintext: Buffer, final: boolean): Buffer[] {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nonce(), { authTagLength: TAG_BYTES });
    cipher.setAAD(this.chunkAad(final));
    this.index += 1;
    return [cipher.update(plaintext), cipher.final(), cipher.getAuthTag()];
  }

  /** The plaintext, released only once its tag checked out. */
  open(sealed: Buffer, final: boolean): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.nonce(), { authTagLength: TAG_BYTES });
    decipher.setAAD(this.chunkAad(final));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    this.index += 1;
    try {
      const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      const rest = decipher.final();
      return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
    } catch {
      throw new DecryptionError('authentication-failed');
    }
  }

  private nonce(): Buffer {
    const nonce = Buffer.from(this.header.baseNonce);
    const counter = nonce.readBigUInt64BE(NONCE_BYTES - 8) ^ BigInt(this.index);
    nonce.writeBigUInt64BE(counter, NONCE_BYTES - 8);
    return nonce;
  }

  private chunkAad(final: boolean): Buffer {
    const position = Buffer.alloc(9);
    position.writeBigUInt64BE(BigInt(this.index));
    position.writeUInt8(final ? 1 : 0, 8);
    return Buffer.concat([this.aadPrefix, position]);
  }
}

/** The size of a blob of `plaintextBytes` once encrypted. */
export function encryptedSize(plaintextBytes: number, chunkBytes = DEFAULT_CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(plaintextBytes / chunkBytes));
  return HEADER_BYTES + plaintextBytes + chunks * TAG_BYTES;
}
