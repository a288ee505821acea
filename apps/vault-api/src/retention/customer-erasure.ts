import { BlobLockedError } from '@kluis/blob-store';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { customerRetentionAggregate, documentAggregate, type DocumentTypeCatalogue, isOnFile } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { customerDocumentIds, forgetKeptAnswersAbout, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DOCUMENT_CATALOGUE } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { DocumentContentStore } from '../encryption/document-content-store';
import { CommandPipeline } from '../shared/event-sourcing/command-pipeline';
import { runCommand } from '../shared/event-sourcing/run-command';
import { systemMetadata } from '../shared/event-sourcing/system-metadata';
import { CustomerRetentionService } from './customer-retention.service';

/**
 * Carries out an erasure already decided (CustomerErased is in the customer's stream): destroys their key, which
 * makes every blob and sealed field of theirs unreadable wherever a copy lives, backups included; then forgets the
 * answers the read model kept about them, and erases each document and deletes its blob where the store allows.
 * Every step is idempotent, so after a crash the next run picks up where this one stopped, and only then is the
 * erasure recorded as complete.
 */
@Injectable()
export class CustomerErasure {
  private readonly logger = new Logger(CustomerErasure.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    private readonly contents: DocumentContentStore,
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many documents the customer had; does nothing for a customer not (yet) erased. */
  async complete(customerId: string): Promise<number> {
    const { state } = await this.retention.load(customerId);
    if (!state.erasure || state.erasure.completedAt) return 0;
    await this.keys.destroy(customerId);
    await forgetKeptAnswersAbout(this.db, customerId);
    const documentIds = await customerDocumentIds(this.db, customerId);
    for (const documentId of documentIds) await this.eraseDocument(documentId, state.erasure.reason);
    const now = this.clock.now();
    const command = { type: 'CompleteErasure', customerId, documents: documentIds.length } as const;
    await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.request(command, systemMetadata('retention', now)));
    this.logger.log({ customerId, documents: documentIds.length, reason: state.erasure.reason }, 'customer erased: key destroyed, documents erased');
    return documentIds.length;
  }

  private async eraseDocument(documentId: string, reason: 'retention-ended' | 'prospect-request'): Promise<void> {
    const now = this.clock.now();
    const outcome = await runCommand(this.store, documentAggregate, documentId, { command: { type: 'EraseDocument', documentId, reason }, context: { now, catalogue: this.catalogue }, metadata: systemMetadata('retention', now) });
    if (!isOnFile(outcome.state)) return;
    try {
      await this.contents.delete(outcome.state.file.blobKey);
    } catch (error) {
      // Object lock keeps the ciphertext until its retention date; without the destroyed key it can never be read.
      if (!(error instanceof BlobLockedError)) throw error;
      this.logger.warn({ documentId }, 'blob is locked by the store and stays until its lock ends; its key is destroyed, so it is unreadable');
    }
  }
}
