import { createCipheriv, createHash } from 'node:crypto';

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
  readonly id: Buffer;
}

// PDF 2.0, 7.6.4.3.2: the bytes a password is padded with.
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * Whether a reader opens the file without asking for a password: its user password is empty, as with files that are
 * only restricted from editing or printing. Anything the inspector cannot check counts as locked.
 */
export function openableWithoutPassword(parameters: Partial<EncryptionParameters>): boolean {
  const { filter, revision, owner, user } = parameters;
  if (filter !== 'Standard' || revision === undefined || !owner || !user) return false;
  if (revision >= 2 && revision <= 4) return emptyPasswordMatchesMd5(parameters as EncryptionParameters);
  if (revision === 5) return user.length >= 40 && sha256(user.subarray(32, 40)).equals(user.subarray(0, 32));
  if (revision === 6) return user.length >= 40 && hardenedHash(user.subarray(32, 40)).equals(user.subarray(0, 32));
  return false;
}

// Algorithms 2, 4 and 5: the file key from the empty password, and the user entry it would produce.
function emptyPasswordMatchesMd5(parameters: EncryptionParameters): boolean {
  const { revision, owner, user, id } = parameters;
  if (!id) return false;
  const keyLength = revision === 2 ? 5 : Math.min(16, Math.max(5, Math.floor((parameters.lengthBits ?? 40) / 8)));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(parameters.permissions ?? 0);
  const hash = createHash('md5').update(PADDING).update(owner.subarray(0, 32)).update(permissions).update(id);
  if (revision >= 4 && parameters.encryptMetadata === false) hash.update(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let key = hash.digest().subarray(0, keyLength);
  if (revision >= 3) {
    for (let round = 0; round < 50; round += 1) key = createHash('md5').update(key).digest().subarray(0, keyLength);
  }
  if (revision === 2) return rc4(key, PADDING).equals(user.subarray(0, 32));
  let check = rc4(key, createHash('md5').update(PADDING).update(id).digest());
  for (let round = 1; round <= 19; round += 1) check = rc4(key.map((byte) => byte ^ round) as Buffer, check);
  return check.equals(user.subarray(0, 16));
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
