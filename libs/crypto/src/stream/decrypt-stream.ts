import { Transform, type TransformCallback } from 'node:stream';
import { DecryptionError } from '../crypto.errors';
import type { DataKey } from '../key-vault.port';
import { type BlobHeader, ChunkCipher, decodeHeader, HEADER_BYTES, MAGIC, TAG_BYTES } from './blob-format';
import { ByteQueue } from './byte-queue';

/**
 * Decrypts what `encryptStream` wrote, with the same data key and `aad`. Fails with `DecryptionError` on the first
 * chunk that does not authenticate and at the end when the final chunk is missing. Chunks before a failure have
 * been released already (each one authentic on its own), so a consumer must treat a failed stream as failed as a
 * whole, as it would a network error half-way.
 */
export function decryptStream(dataKey: DataKey, aad: string | Uint8Array): Transform {
  const pending = new ByteQueue();
  let opened: { readonly cipher: ChunkCipher; readonly sealedChunkBytes: number } | undefined;

  const openHeader = (header: BlobHeader) => {
    if (header.keyId !== dataKey.keyId) throw new DecryptionError('wrong-key');
    return { cipher: new ChunkCipher(dataKey, aad, header), sealedChunkBytes: header.chunkBytes + TAG_BYTES };
  };

  return new Transform({
    transform(this: Transform, chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        pending.push(chunk);
        if (!opened) {
          if (pending.length < HEADER_BYTES) return done();
          opened = openHeader(decodeHeader(pending.take(HEADER_BYTES)));
        }
        while (pending.length > opened.sealedChunkBytes) this.push(opened.cipher.open(pending.take(opened.sealedChunkBytes), false));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(this: Transform, done: TransformCallback) {
      try {
        if (!opened) throw shortHeader(pending.take(pending.length));
        if (pending.length < TAG_BYTES) throw new DecryptionError('truncated');
        const last = opened.cipher.open(pending.take(pending.length), true);
        if (last.length > 0) this.push(last);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

function shortHeader(bytes: Buffer): DecryptionError {
  const prefix = bytes.subarray(0, MAGIC.length);
  return new DecryptionError(MAGIC.subarray(0, prefix.length).equals(prefix) ? 'truncated' : 'not-encrypted');
}
