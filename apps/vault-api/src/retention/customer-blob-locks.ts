import { BlobLockUnsupportedError } from '@kluis/blob-store';
import type { CustomerRetentionState } from '@kluis/document-domain';
import { customerDocumentIds, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DocumentReader } from '../documents';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { BlobRetention } from './blob-retention';

/** Retention keeps the whole of its last day: the lock ends as the next one begins. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 24 * 60 * 60 * 1000);

/**
 * Carries a customer's retention to the blob store's own locks, so the store refuses to delete what the law keeps:
 * until the end of the retention period once the relationship has ended, and for as long as a legal hold applies.
 * The event is what counts; the locks follow it. Repeating is harmless, since retention only ever grows.
 */
@Injectable()
export class CustomerBlobLocks {
  private readonly logger = new Logger(CustomerBlobLocks.name);

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly reader: DocumentReader,
    private readonly retention: BlobRetention,
  ) {}

  async follow(customerId: string, state: CustomerRetentionState, holdsChanged: boolean): Promise<void> {
    if (state.status === 'erased' || (!state.retainedUntil && !holdsChanged)) return;
    const keys = await this.blobKeys(customerId);
    try {
      if (state.retainedUntil) await this.retention.applyToCustomer(keys, dayAfter(state.retainedUntil));
      if (holdsChanged) await this.retention.hold(keys, state.holds.length > 0);
    } catch (error) {
      if (!(error instanceof BlobLockUnsupportedError)) throw error;
      // The policy still holds through the registry; the store just cannot enforce it. An operator must know.
      this.logger.error({ customerId }, 'the blob store cannot lock objects: retention is kept by the vault alone');
    }
  }

  private async blobKeys(customerId: string): Promise<string[]> {
    const keys: string[] = [];
    for (const documentId of await customerDocumentIds(this.db, customerId)) {
      const loaded = await this.reader.load(documentId);
      if (loaded) keys.push(loaded.state.file.blobKey);
    }
    return keys;
  }
}
