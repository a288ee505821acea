import { BLOB_STORE, BlobNotFoundError, type BlobStore } from '@kluis/blob-store';
import { Inject, Injectable } from '@nestjs/common';

/** Which of the keys asked for were changed, and which had no blob (erased earlier, or never stored). */
export interface BlobRetentionOutcome {
  readonly applied: readonly string[];
  readonly missing: readonly string[];
}

/**
 * The AML retention policy applied to a customer's blobs, through the store's own locks (S3 object lock in
 * production), so that not even a credential that can delete may remove a document the bank must keep. The policy
 * decides the dates; this only carries them to the store. Every call is idempotent and retention only ever grows, so
 * a process that stopped half-way simply repeats the call whole.
 */
@Injectable()
export class BlobRetention {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  /**
   * Keeps each blob until at least `until`: the day the relationship ended plus the retention period, pushed back by
   * the time spent under legal hold. A later date extends the retention; an earlier one changes nothing.
   */
  applyToCustomer(blobKeys: readonly string[], until: Date): Promise<BlobRetentionOutcome> {
    return this.forEach(blobKeys, (key) => this.blobs.retainUntil(key, until));
  }

  /** Puts a legal hold on each blob, or lifts it; lifting leaves their retention as it was. */
  hold(blobKeys: readonly string[], on: boolean): Promise<BlobRetentionOutcome> {
    return this.forEach(blobKeys, (key) => this.blobs.legalHold(key, on));
  }

  private async forEach(keys: readonly string[], apply: (key: string) => Promise<void>): Promise<BlobRetentionOutcome> {
    const applied: string[] = [];
    const missing: string[] = [];
    // One at a time: a customer has few documents, and the store's calls stay bounded under load.
    for (const key of keys) {
      try {
        await apply(key);
        applied.push(key);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
        missing.push(key);
      }
    }
    return { applied, missing };
  }
}
