import type { Principal } from '@kluis/auth';
import { type DocumentCommand, type DocumentContext, type DocumentEvent, type DocumentState, type DocumentTypeCatalogue, isOnFile } from '@kluis/document-domain';
import { Inject, Injectable } from '@nestjs/common';
import { FileAccess } from '../access';
import type { ReviewConfig } from '../config/config-slices';
import { DOCUMENT_CATALOGUE, REVIEW_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import type { FileAction } from '../shared/access/customer-file-access';
import { NotVisible } from '../shared/access/policy/access.errors';
import { metadataFor } from '../shared/event-sourcing/event-metadata';
import type { CommandRequest } from '../shared/event-sourcing/run-command';

export type DocumentChange = Omit<CommandRequest<DocumentCommand, DocumentEvent, DocumentState, DocumentContext>, 'command'>;

/**
 * What the pipeline needs to run a person's command on a document on file: the document must be one they may see
 * and act on this way, it is decided under the vault's catalogue and specimen setting, and its personal fields are
 * sealed under its customer's key.
 */
@Injectable()
export class DocumentChanges {
  constructor(
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(REVIEW_CONFIG) private readonly reviews: ReviewConfig,
    private readonly clock: Clock,
    private readonly access: FileAccess,
  ) {}

  by(principal: Principal, requestId: string, action: FileAction, expectedRevision?: number): DocumentChange {
    const now = this.clock.now();
    return {
      context: { now, catalogue: this.catalogue, mrzSpecimens: this.reviews.mrzSpecimens },
      metadata: metadataFor(principal, requestId, now),
      subject: (state) => (isOnFile(state) ? state.customerId : undefined),
      expectedRevision,
      authorize: async ({ state }) => {
        if (!isOnFile(state)) throw new NotVisible();
        await this.access.assert(principal, { customerId: state.customerId, type: state.type, documentId: state.documentId }, action, requestId);
      },
    };
  }
}
