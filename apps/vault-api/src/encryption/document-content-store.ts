import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { dataKeyOrErased, decryptStream, encryptedSize, encryptStream, isErasedValue, KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import { ContentErased } from '../shared/erasure/content-erased.error';
import { dataKeyForWriting } from './data-key-for-writing';

/** A document's file as the registry knows it: size and SHA-256 of the bytes the customer handed in. */
export interface StoredContent {
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

/** The pipeline's own callback: the blob store reports the same error from its put or get, where it is handled. */
const ignore = () => undefined;

/**
 * The one way into and out of the blob store for a customer's files. Callers hand in and get back the customer's
 * own bytes; at rest they are encrypted under the customer's data key, bound to their storage key so a blob copied
 * under another name does not open. Hash and size are the plaintext's, which is what the customer can check.
 */
@Injectable()
export class DocumentContentStore {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
  ) {}

  /** Stores under a fresh, generated key; nothing is left behind when `content` fails. */
  async put(customerId: string, content: Readable): Promise<StoredContent> {
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    // Piped before the first await, so that a failure of `content` while the key is fetched has a listener.
    const measured = pipeline(content, measure, ignore);
    const dataKey = await dataKeyForWriting(this.keys, customerId).catch((error: unknown) => {
      measured.destroy();
      throw error;
    });
    const key = `documents/${randomUUID()}`;
    // pipeline carries an error from any stage to every other, so the blob store sees it and cleans up.
    await this.blobs.put(key, pipeline(measured, encryptStream(dataKey, key), ignore));
    return { key, size, sha256: hash.digest('hex') };
  }

  /**
   * The customer's bytes. Throws `ContentErased` once their key was destroyed; the stream fails with
   * `DecryptionError` when the stored bytes were altered, and with the blob store's errors as before.
   */
  async get(customerId: string, key: string): Promise<Readable> {
    const dataKey = await dataKeyOrErased(this.keys, customerId);
    if (isErasedValue(dataKey)) throw new ContentErased();
    return pipeline(await this.blobs.get(key), decryptStream(dataKey, key), ignore);
  }

  async delete(key: string): Promise<void> {
    await this.blobs.delete(key);
  }

  /** Whether the customer's key was destroyed, and with it every file of theirs. */
  isErased(customerId: string): Promise<boolean> {
    return this.keys.isDestroyed(customerId);
  }

  /** What the blob store holds for a file of `size` bytes. */
  storedSize(size: number): number {
    return encryptedSize(size);
  }
}
