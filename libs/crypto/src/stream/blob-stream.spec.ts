import { generatedChunks, generatedStream, sha256Of } from '@kluis/blob-store/testing';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DecryptionError } from '../crypto.errors';
import type { DataKey } from '../key-vault.port';
import { aDataKey, containsPlaintext } from '../testing';
import { DEFAULT_CHUNK_BYTES, encryptedSize, HEADER_BYTES, TAG_BYTES } from './blob-format';
import { decryptStream } from './decrypt-stream';
import { encryptStream } from './encrypt-stream';

const KiB = 1024;
const MiB = 1024 * KiB;
const SEALED_CHUNK = DEFAULT_CHUNK_BYTES + TAG_BYTES;

const into = (parts: Buffer[]): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });

async function collect(source: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(source, into(parts));
  return Buffer.concat(parts);
}

const encrypt = (key: DataKey, plaintext: Buffer, aad = 'blob-1', options = {}): Promise<Buffer> =>
  collect(Readable.from([plaintext]).pipe(encryptStream(key, aad, options)));

// Fed in uneven slices, as a socket would, so chunk boundaries never line up with writes.
function sliced(bytes: Buffer, size = 10_007): Readable {
  return Readable.from((function* () {
    for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
  })());
}

const decrypt = async (key: DataKey, ciphertext: Buffer, aad = 'blob-1'): Promise<Buffer> => {
  const plaintext: Buffer[] = [];
  await pipeline(sliced(ciphertext), decryptStream(key, aad), into(plaintext));
  return Buffer.concat(plaintext);
};

describe('streaming blob encryption', () => {
  const key = aDataKey();

  describe('round trips', () => {
    it.each([
      ['nothing', 0],
      ['one byte', 1],
      ['exactly one chunk', DEFAULT_CHUNK_BYTES],
      ['one chunk and a byte', DEFAULT_CHUNK_BYTES + 1],
      ['many chunks and a part', 7 * DEFAULT_CHUNK_BYTES + 123],
      ['exactly many chunks', 5 * DEFAULT_CHUNK_BYTES],
    ])('gives back %s byte for byte, at the announced size', async (_name, size) => {
      const plaintext = randomBytes(size);

      const ciphertext = await encrypt(key, plaintext);

      expect(ciphertext.length).toBe(encryptedSize(size));
      expect((await decrypt(key, ciphertext)).equals(plaintext)).toBe(true);
    });

    it('streams 50 MB through, and the ciphertext holds no 16-byte window of the plaintext', async () => {
      const size = 50 * MiB;
      const ciphertext = await collect(generatedStream(size, 'fifty').pipe(encryptStream(key, 'large')));
      expect(ciphertext.length).toBe(encryptedSize(size));

      const hash = createHash('sha256');
      await pipeline(Readable.from([ciphertext]), decryptStream(key, 'large'), hash);
      expect(hash.digest('hex')).toBe(sha256Of('fifty', size));

      // Every window of the first 256 KiB of the plaintext, looked for in all 50 MB of ciphertext.
      const start = Buffer.concat([...generatedChunks(256 * KiB, 'fifty')]);
      expect(containsPlaintext(ciphertext, start)).toBe(false);
      expect(containsPlaintext(Buffer.concat([ciphertext, start.subarray(1000, 1016)]), start)).toBe(true);
    }, 60_000);

    it('leaves no 16-byte window of a 1 MiB document anywhere in its ciphertext', async () => {
      const document = randomBytes(MiB);
      document.fill(0, 1000, 5000);

      const ciphertext = await encrypt(key, document);

      expect(containsPlaintext(ciphertext, document)).toBe(false);
      expect(containsPlaintext(ciphertext, ciphertext.subarray(HEADER_BYTES + 100, HEADER_BYTES + 200))).toBe(true);
    });

    it('seals the same bytes differently every time', async () => {
      const plaintext = Buffer.from('the same passport scan, uploaded twice');

      const [first, second] = [await encrypt(key, plaintext), await encrypt(key, plaintext)];

      expect(first.equals(second)).toBe(false);
    });

    it('holds on to no more than a chunk or two while nobody reads what it produces', async () => {
      let produced = 0;
      const source = new Readable({
        read() {
          produced += DEFAULT_CHUNK_BYTES;
          this.push(produced > 64 * MiB ? null : Buffer.alloc(DEFAULT_CHUNK_BYTES, 7));
        },
      });
      const encryptor = encryptStream(key, 'unread');
      source.pipe(encryptor);

      const deadline = Date.now() + 5000;
      while (source.readableFlowing !== false && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));

      expect(source.readableFlowing).toBe(false);
      expect(produced).toBeLessThan(2 * MiB);
      source.destroy();
      encryptor.destroy();
    });
  });

  describe('refusing what was tampered with', () => {
    const plaintext = randomBytes(4 * DEFAULT_CHUNK_BYTES + 500);
    let ciphertext: Buffer;

    beforeAll(async () => {
      ciphertext = await encrypt(key, plaintext);
    });

    const failure = (promise: Promise<unknown>, reason: string) =>
      expect(promise).rejects.toEqual(expect.objectContaining({ name: 'DecryptionError', code: 'CRYPTO.DECRYPTION_FAILED', reason }));

    it('fails on a flipped bit anywhere: header, every chunk, every tag', async () => {
      const header = [0, 4, 5, 9, 9 + 15, HEADER_BYTES - 1];
      const chunks = [HEADER_BYTES, HEADER_BYTES + SEALED_CHUNK - 1, HEADER_BYTES + 2 * SEALED_CHUNK + 77];
      const lastTag = [ciphertext.length - 17, ciphertext.length - 1];
      const chosen = [...header, ...chunks, ...lastTag];
      const offsets = [...chosen, ...Array.from({ length: 40 }, () => randomInt(ciphertext.length))];
      for (const offset of offsets) {
        const altered = Buffer.from(ciphertext);
        altered[offset] ^= 1 << randomInt(8);

        await expect(decrypt(key, altered)).rejects.toBeInstanceOf(DecryptionError);
      }
    });

    it('fails when cut off at a chunk boundary, after any number of whole chunks', async () => {
      for (let chunks = 0; chunks <= 4; chunks += 1) {
        const cut = ciphertext.subarray(0, HEADER_BYTES + chunks * SEALED_CHUNK);

        await failure(decrypt(key, cut), chunks === 0 ? 'truncated' : 'authentication-failed');
      }
    });

    it('fails when cut off inside a chunk or inside the header', async () => {
      await failure(decrypt(key, ciphertext.subarray(0, ciphertext.length - 1)), 'authentication-failed');
      await failure(decrypt(key, ciphertext.subarray(0, HEADER_BYTES - 1)), 'truncated');
      await failure(decrypt(key, Buffer.alloc(0)), 'truncated');
    });

    it('fails when two chunks swap places', async () => {
      const chunk = (i: number) => ciphertext.subarray(HEADER_BYTES + i * SEALED_CHUNK, HEADER_BYTES + (i + 1) * SEALED_CHUNK);
      const swapped = Buffer.concat([ciphertext.subarray(0, HEADER_BYTES), chunk(1), chunk(0), ciphertext.subarray(HEADER_BYTES + 2 * SEALED_CHUNK)]);

      await failure(decrypt(key, swapped), 'authentication-failed');
    });

    it('fails when a chunk of another blob under the same key is spliced in', async () => {
      const other = await encrypt(key, plaintext);
      const spliced = Buffer.concat([ciphertext.subarray(0, HEADER_BYTES + SEALED_CHUNK), other.subarray(HEADER_BYTES + SEALED_CHUNK)]);

      await failure(decrypt(key, spliced), 'authentication-failed');
    });

    it('fails when bytes are appended after the final chunk', async () => {
      await failure(decrypt(key, Buffer.concat([ciphertext, Buffer.alloc(SEALED_CHUNK + 1)])), 'authentication-failed');
    });

    it('fails under another blob name, and under the same key material filed for another subject', async () => {
      await failure(decrypt(key, ciphertext, 'blob-2'), 'authentication-failed');
      await failure(decrypt({ ...key, subject: `${key.subject}-other` }, ciphertext), 'authentication-failed');
    });

    it('fails under another data key, and on bytes that were never encrypted', async () => {
      await failure(decrypt(aDataKey(key.subject), ciphertext), 'wrong-key');
      await failure(decrypt({ ...aDataKey(key.subject), keyId: key.keyId }, ciphertext), 'authentication-failed');
      await failure(decrypt(key, plaintext), 'not-encrypted');
    });

    it('releases no plaintext of a chunk that fails', async () => {
      const altered = Buffer.from(ciphertext);
      altered[HEADER_BYTES + 10] ^= 0x80;
      const released: Buffer[] = [];

      await expect(
        pipeline(Readable.from([altered]), decryptStream(key, 'blob-1'), into(released)),
      ).rejects.toBeInstanceOf(DecryptionError);
      expect(Buffer.concat(released).length).toBe(0);
    });
  });

  it('cuts into the chunk size it is given, and refuses sizes it cannot bound', async () => {
    const plaintext = randomBytes(10 * KiB + 3);

    const ciphertext = await encrypt(key, plaintext, 'small-chunks', { chunkBytes: KiB });

    expect(ciphertext.length).toBe(encryptedSize(plaintext.length, KiB));
    expect((await decrypt(key, ciphertext, 'small-chunks')).equals(plaintext)).toBe(true);
    expect(() => encryptStream(key, 'x', { chunkBytes: 8 })).toThrow(RangeError);
    expect(() => encryptStream(key, 'x', { chunkBytes: 8 * MiB })).toThrow(RangeError);
  });
});
