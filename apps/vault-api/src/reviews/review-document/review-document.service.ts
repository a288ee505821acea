import type { Principal } from '@kluis/auth';
import { type ApproveDocument, type Actor, type DocumentEvent, type DocumentState, type DocumentVerified, documentAggregate, isOnFile, type RejectDocument } from '@kluis/document-domain';
import { knownHolders, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentChanges } from '../../documents';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { IdentityNumberRegistry } from './identity-number-registry';

/** A reviewer's verdict; an approval learns the customer's verified holders from the document's own stream. */
export type ReviewVerdict = Omit<ApproveDocument, 'knownHolders'> | RejectDocument;

/**
 * Reviews a document on one read of its stream: the holders an identity document must match are looked up for the
 * customer it names, and an approval that verifies an identity document first takes its number for the customer.
 */
@Injectable()
export class ReviewDocument {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
    private readonly identityNumbers: IdentityNumberRegistry,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  review(verdict: ReviewVerdict, principal: Principal, requestId: string, expectedRevision: number | undefined) {
    return this.pipeline.run(documentAggregate, verdict.documentId, {
      ...this.changes.by(principal, requestId, 'read', expectedRevision),
      command: async ({ state }) => (verdict.type === 'ApproveDocument' ? { ...verdict, knownHolders: await this.holdersOnFile(state) } : verdict),
      beforeAppend: (events, state) => this.reserveNumberIfVerifying(events, state, verdict.by, principal, requestId),
    });
  }

  /** The holders the customer's verified identity documents name. */
  private async holdersOnFile(state: DocumentState) {
    return isOnFile(state) && state.evidenceKind === 'identity' ? knownHolders(this.db, state.customerId) : [];
  }

  /**
   * The number is reserved before the verification is appended, on the same revision, so it is taken exactly when
   * the document is verified; a number another customer holds refuses the approval.
   */
  private async reserveNumberIfVerifying(events: readonly DocumentEvent[], state: DocumentState, by: Actor, principal: Principal, requestId: string) {
    if (!isOnFile(state) || state.evidenceKind !== 'identity') return;
    const verified = events.find((event): event is DocumentVerified => event.type === 'DocumentVerified');
    if (verified) await this.identityNumbers.reserve(verified.data.facts, { customerId: state.customerId, documentId: state.documentId }, by, principal, requestId);
  }
}
