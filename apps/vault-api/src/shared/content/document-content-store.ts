import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** A document's file as the registry knows it: size and SHA-256 of the bytes the customer handed in. */
export interface StoredContent {
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * The one way into and out of the blob store for a customer's files. Callers hand in and get back the customer's
 * own bytes; what the store holds at rest is this class's business.
 */
@Injectable()
export class DocumentContentStore {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  /** Stores under a fresh, generated key; nothing is left behind when `content` fails. */
  async put(_customerId: string, content: Readable): Promise<StoredContent> {
    return this.blobs.put(`documents/${randomUUID()}`, content);
  }

  async get(_customerId: string, key: string): Promise<Readable> {
    return this.blobs.get(key);
  }

  async delete(key: string): Promise<void> {
    await this.blobs.delete(key);
  }
}
