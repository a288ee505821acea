import type { ChipVerdict } from '@kluis/chip-verification';
import { verifyChipReading } from '@kluis/chip-verification';
import { CHIP_READING_MEDIA_TYPE, type ChipCheck, decide, documentAggregate, type DocumentType, type DocumentTypeCatalogue, type DocumentVerified, initialDocumentState, type RecordChipReading } from '@kluis/document-domain';
import { knownHolders, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import type { ReviewConfig } from '../../config/config-slices';
import { DOCUMENT_CATALOGUE, REVIEW_CONFIG } from '../../config/config-tokens';
import { IdentityNumberRegistry } from '../../reviews';
import { actorFor, isOwner } from '../../shared/access/customer-file-access';
import { DocumentContentStore } from '../../encryption/document-content-store';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { ChipTrust } from '../chip-trust';
import { chipVerificationOff } from './chip-reading-refused.problem';
import { chipReadingFile } from './chip-reading-file';
import { type ChipReadingOutcome, RecordChipReadingCommand } from './record-chip-reading.command';

/**
 * Verifies the reading, keeps its files encrypted under the customer's key like any document, and files it: verified
 * at once when it passed and its holder is the customer already known, waiting for a reviewer otherwise.
 */
@CommandHandler(RecordChipReadingCommand)
export class RecordChipReadingHandler implements ICommandHandler<RecordChipReadingCommand, ChipReadingOutcome> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(REVIEW_CONFIG) private readonly reviews: ReviewConfig,
    private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    private readonly contents: DocumentContentStore,
    private readonly trust: ChipTrust,
    private readonly identityNumbers: IdentityNumberRegistry,
  ) {}

  async execute(command: RecordChipReadingCommand): Promise<ChipReadingOutcome> {
    const trustStore = this.trust.current();
    if (trustStore === null) throw chipVerificationOff();
    const now = this.clock.now();
    const verdict = verifyChipReading({ sod: command.sod, dataGroups: command.dataGroups }, trustStore, now, { mrzSpecimens: this.reviews.mrzSpecimens });
    const holders = verdict.passed ? await knownHolders(this.db, command.customerId) : [];
    const recording: RecordChipReading = {
      type: 'RecordChipReading',
      documentId: command.documentId,
      customerId: command.customerId,
      documentType: documentTypeOf(verdict),
      file: { blobKey: '', sha256: '', size: 0, mediaType: CHIP_READING_MEDIA_TYPE, filename: null },
      channel: isOwner(command.principal, command.customerId) ? 'online' : 'branch',
      check: checkOf(verdict, command),
      holder: verdict.mrz,
      knownHolders: holders,
      by: actorFor(command.principal),
    };
    await this.reserveNumberIfVerifying(recording, now, command);
    const file = chipReadingFile(command.sod, command.dataGroups, command.chipAuthentication);
    const stored = await this.contents.put(command.customerId, Readable.from([file]));
    try {
      const outcome = await this.pipeline.run(documentAggregate, command.documentId, {
        command: { ...recording, file: { ...recording.file, blobKey: stored.key, sha256: stored.sha256, size: stored.size } },
        context: { now, catalogue: this.catalogue },
        metadata: metadataFor(command.principal, command.requestId, now, command.customerId),
      });
      if (outcome.state.status === 'none') throw new Error('a recorded chip reading must be on file');
      return { document: outcome.state, revision: outcome.revision, verdict };
    } catch (error) {
      // Blob first, then event: without its event the file is an orphan, so it goes.
      await this.contents.delete(stored.key).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A reading that would be verified at once first takes its document number for the customer, exactly as a
   * reviewer's approval does: a number verified for another customer is refused before anything is stored, and the
   * attempt is kept for support. Deciding ahead is pure, so it verifies exactly when this says so.
   */
  private async reserveNumberIfVerifying(recording: RecordChipReading, now: Date, command: RecordChipReadingCommand): Promise<void> {
    let verified: DocumentVerified | undefined;
    try {
      verified = decide(recording, initialDocumentState, { now, catalogue: this.catalogue }).find((event): event is DocumentVerified => event.type === 'DocumentVerified');
    } catch {
      return;
    }
    if (verified) {
      await this.identityNumbers.reserve(verified.data.facts, { customerId: recording.customerId, documentId: recording.documentId }, recording.by, command.principal, command.requestId);
    }
  }
}

/** A TD3 MRZ is a passport's; TD1 and TD2 are cards. A DG1 that cannot be read is filed as a passport, the commonest chip. */
function documentTypeOf(verdict: ChipVerdict): DocumentType {
  return verdict.mrz === null || verdict.mrz.format === 'TD3' ? 'passport' : 'id-card';
}

function checkOf(verdict: ChipVerdict, command: RecordChipReadingCommand): ChipCheck {
  return {
    passed: verdict.passed,
    failureCode: verdict.failure?.code ?? null,
    steps: verdict.steps,
    signedAt: verdict.signedAt,
    documentSigner: verdict.documentSigner?.subject ?? null,
    csca: verdict.csca?.subject ?? null,
    chipAuthentication: command.chipAuthentication,
    facts: verdict.facts ?? {},
  };
}
