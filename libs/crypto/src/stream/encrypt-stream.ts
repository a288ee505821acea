import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DataKey } from '../key-vault.port';
import { ChunkCipher, DEFAULT_CHUNK_BYTES, encodeHeader, MAX_CHUNK_BYTES, MIN_CHUNK_BYTES, NONCE_BYTES } from './blob-format';
import { ByteQueue } from './byte-queue';

export interface EncryptStreamOptions {
  /** Plaintext bytes per chunk; 64 KiB unless a test wants many chunks from few bytes. */
  readonly chunkBytes?: number;
}

/**
 * Encrypts a blob on its way to storage, holding at most one chunk besides what the streams buffer.
 *
 * `aad` is authenticated, not stored: the reader must present it again. Use something that names the blob, such as
 * its storage key, so a blob copied under another name does not decrypt. The subject is bound in already.
 */
export function encryptStream(dataKey: DataKey, aad: string | Uint8Array, options: EncryptStreamOptions = {}): Transform {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be a whole number from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES}`);
  }
  const header = { chunkBytes, keyId: dataKey.keyId, baseNonce: randomBytes(NONCE_BYTES) };
  const cipher = new ChunkCipher(dataKey, aad, header);
  const pending = new ByteQueue();
  let headerSent = false;

  return new Transform({
    transform(this: Transform, chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        if (!headerSent) {
          this.push(encodeHeader(header));
          headerSent = true;
        }
        pending.push(chunk);
        // A full chunk is sealed only once a byte beyond it has arrived: until then it may be the final one.
        while (pending.length > chunkBytes) pushAll(this, cipher.seal(pending.take(chunkBytes), false));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(this: Transform, done: TransformCallback) {
      try {
        if (!headerSent) this.push(encodeHeader(header));
        pushAll(this, cipher.seal(pending.take(pending.length), true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

function pushAll(stream: Transform, buffers: readonly Buffer[]): void {
  for (const buffer of buffers) if (buffer.length > 0) stream.push(buffer);
}
