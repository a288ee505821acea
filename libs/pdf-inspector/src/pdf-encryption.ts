import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** The standard security handler's entries (PDF 2.0, 7.6.4), and the first half of the file's `/ID`. */
export interface EncryptionParameters {
  readonly filter: string;
  readonly revision: number;
  /** In bits, for revisions 2 to 4. */
  readonly lengthBits: number;
  readonly permissions: number;
  readonly owner: Buffer;
  readonly user: Buffer;
  readonly encryptMetadata: boolean;
  /** Revisions 5 and 6: the file key, encrypted under the user password. */
  readonly userKey: Buffer;
  /** The crypt filter's method: `V2` (RC4), `AESV2` or `AESV3`; from `/V` when the file has no crypt filters. */
  readonly cipher: string;
  readonly id: Buffer;
}

// PDF 2.0, 7.6.4.3.2: the bytes a password is padded with.
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * The key of a file a reader opens without asking for a password: its user password is empty, as with files that are
 * only restricted from editing or printing. Null when a password is needed, or anything cannot be checked.
 */
export function emptyPasswordKey(parameters: Partial<EncryptionParameters>): Buffer | null {
  const { filter, revision, owner, user } = parameters;
  if (filter !== 'Standard' || revision === undefined || !owner || !user) return null;
  if (revision >= 2 && revision <= 4) return md5Key(parameters as EncryptionParameters);
  if (revision !== 5 && revision !== 6) return null;
  if (user.length < 48 || !parameters.userKey || parameters.userKey.length < 32) return null;
  const hash = revision === 5 ? sha256 : hardenedHash;
  if (!hash(user.subarray(32, 40)).equals(user.subarray(0, 32))) return null;
  const decipher = createDecipheriv('aes-256-cbc', hash(user.subarray(40, 48)), Buffer.alloc(16)).setAutoPadding(false);
  return Buffer.concat([decipher.update(parameters.userKey.subarray(0, 32)), decipher.final()]);
}

/** Decrypts the data of stream `objectNumber` (Algorithm 1, or the file key itself for AES-256); null when damaged. */
export function decryptStream(parameters: Partial<EncryptionParameters>, fileKey: Buffer, objectNumber: number, generation: number, data: Buffer): Buffer | null {
  const cipher = parameters.cipher ?? 'V2';
  if (cipher === 'None' || cipher === 'Identity') return data;
  const aes = cipher === 'AESV2' || cipher === 'AESV3';
  let key = fileKey;
  if (cipher !== 'AESV3') {
    const object = Buffer.alloc(5);
    object.writeUIntLE(objectNumber & 0xffffff, 0, 3);
    object.writeUInt16LE(generation & 0xffff, 3);
    const hash = createHash('md5').update(fileKey).update(object);
    if (aes) hash.update('sAlT', 'latin1');
    key = hash.digest().subarray(0, Math.min(fileKey.length + 5, 16));
  }
  if (!aes) return rc4(key, data);
  if (data.length < 32 || data.length % 16 !== 0) return null;
  try {
    const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  } catch {
    return null;
  }
}

// Algorithms 2, 4 and 5: the file key from the empty password, if the user entry it produces matches.
function md5Key(parameters: EncryptionParameters): Buffer | null {
  const { revision, owner, user } = parameters;
  // A file without an identifier is opened by readers with an empty one.
  const id = parameters.id ?? Buffer.alloc(0);
  const keyLength = revision === 2 ? 5 : Math.min(16, Math.max(5, Math.floor((parameters.lengthBits ?? 40) / 8)));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(parameters.permissions ?? 0);
  const hash = createHash('md5').update(PADDING).update(owner.subarray(0, 32)).update(permissions).update(id);
  if (revision >= 4 && parameters.encryptMetadata === false) hash.update(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let key = hash.digest().subarray(0, keyLength);
  if (revision >= 3) {
    for (let round = 0; round < 50; round += 1) key = createHash('md5').update(key).digest().subarray(0, keyLength);
  }
  if (revision === 2) return rc4(key, PADDING).equals(user.subarray(0, 32)) ? key : null;
  let check = rc4(key, createHash('md5').update(PADDING).update(id).digest());
  for (let round = 1; round <= 19; round += 1) check = rc4(key.map((byte) => byte ^ round) as Buffer, check);
  return check.equals(user.subarray(0, 16)) ? key : null;
}

// Algorithm 2.B (revision 6), for the empty password and no user key data.
function hardenedHash(salt: Buffer): Buffer {
  let key = sha256(salt);
  for (let round = 0; ; round += 1) {
    const repeated = Buffer.concat(Array.from({ length: 64 }, () => key));
    const cipher = createCipheriv('aes-128-cbc', key.subarray(0, 16), key.subarray(16, 32)).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(repeated), cipher.final()]);
    let sum = 0;
    for (let index = 0; index < 16; index += 1) sum += encrypted[index];
    key = createHash(['sha256', 'sha384', 'sha512'][sum % 3]).update(encrypted).digest();
    if (round >= 63 && encrypted[encrypted.length - 1] <= round + 1 - 32) return key.subarray(0, 32);
  }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** RC4, which OpenSSL 3 no longer offers by default, and which PDF's older revisions require. */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const state = new Uint8Array(256);
  for (let index = 0; index < 256; index += 1) state[index] = index;
  for (let index = 0, swap = 0; index < 256; index += 1) {
    swap = (swap + state[index] + key[index % key.length]) & 0xff;
    [state[index], state[swap]] = [state[swap], state[index]];
  }
  const out = Buffer.alloc(data.length);
  for (let index = 0, i = 0, j = 0; index < data.length; index += 1) {
    i = (i + 1) & 0xff;
    j = (j + state[i]) & 0xff;
    [state[i], state[j]] = [state[j], state[i]];
    out[index] = data[index] ^ state[(state[i] + state[j]) & 0xff];
  }
  return out;
}
