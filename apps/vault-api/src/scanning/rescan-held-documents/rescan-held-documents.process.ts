import { documentAggregate, type DocumentTypeCatalogue } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { MALWARE_SCANNER, type MalwareScanner, type ScanVerdict, ScannerUnavailableError } from '@kluis/malware-scanner';
import { documentsPendingScan, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ScanningConfig } from '../../config/config-slices';
import { DOCUMENT_CATALOGUE, SCANNING_CONFIG } from '../../config/config-tokens';
import { DocumentReader } from '../../documents';
import { Clock } from '../../infrastructure/clock';
import { LeadingTimer } from '../../infrastructure/leading-timer';
import { ProjectionsService } from '../../infrastructure/projections.service';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { DocumentContentStore } from '../../encryption/document-content-store';
import { runCommand } from '../../shared/event-sourcing/run-command';
import { StaleRevision } from '../../shared/event-sourcing/stale-revision.error';
import { systemMetadata } from '../../shared/event-sourcing/system-metadata';

const BATCH = 50;

export interface RescanRound {
  readonly cleared: number;
  readonly infected: number;
  /** Documents still held: the scanner was away, or the document moved on while it was scanned. */
  readonly stillHeld: number;
}

const NOTHING: RescanRound = { cleared: 0, infected: 0, stillHeld: 0 };

/**
 * Offers documents held for a malware scan to the scanner again, until it answers. The read model says which; the
 * decider takes a verdict only while a document is held, and every append names the revision that was scanned, so
 * a repeated or concurrent round appends nothing twice. Only the instance that projects runs it, so a fleet does not
 * scan the same files over and over.
 */
@Injectable()
export class RescanHeldDocumentsProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RescanHeldDocumentsProcess.name);
  private readonly timer: LeadingTimer;
  private running: Promise<RescanRound> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(SCANNING_CONFIG) private readonly scanning: ScanningConfig,
    @Inject(MALWARE_SCANNER) private readonly scanner: MalwareScanner,
    private readonly contents: DocumentContentStore,
    private readonly reader: DocumentReader,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'rescan of held documents');
  }

  onApplicationBootstrap(): void {
    // A scanner that scans nothing cannot clear what a real one could not check: held documents wait for a real one.
    if (!this.scanner.scansContent) return;
    this.timer.start(this.scanning.rescanIntervalMs, () => this.rescan());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
    await this.running;
  }

  /** One round over the held documents; never throws. One round at a time. */
  rescan(): Promise<RescanRound> {
    this.running ??= this.round()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'rescan of held documents failed; the next round retries');
        return NOTHING;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async round(): Promise<RescanRound> {
    if (!this.scanner.scansContent) return NOTHING;
    const counts = { cleared: 0, infected: 0, stillHeld: 0 };
    let position = 0;
    const held = await documentsPendingScan(this.db, BATCH);
    for (const [index, documentId] of held.entries()) {
      try {
        const settled = await this.settle(documentId);
        if (settled === null) {
          counts.stillHeld += 1;
          continue;
        }
        if (settled.position !== null) position = settled.position;
        if (settled.verdict === 'clean') counts.cleared += 1;
        if (settled.verdict === 'infected') counts.infected += 1;
      } catch (error) {
        if (error instanceof ScannerUnavailableError) {
          this.logger.warn({ reason: error.reason, held: held.length - index }, 'malware scanner still unavailable; held documents wait for the next round');
          counts.stillHeld += held.length - index;
          break;
        }
        // One unreadable document must not keep the others waiting.
        this.logger.error({ err: error, documentId }, 'could not rescan a held document; the next round retries');
        counts.stillHeld += 1;
      }
    }
    if (position > 0) await this.projections.caughtUpTo(position);
    return counts;
  }

  /** Scans one held document and records the verdict; null when it moved on while it was being scanned. */
  private async settle(documentId: string): Promise<{ verdict: 'clean' | 'infected' | 'none'; position: number | null } | null> {
    const loaded = await this.reader.load(documentId);
    if (!loaded || loaded.state.status !== 'pending_scan') return { verdict: 'none', position: null };
    const { customerId, file } = loaded.state;
    const verdict: ScanVerdict = await this.scanner.scan(await this.contents.get(customerId, file.blobKey));
    const now = this.clock.now();
    let position: number | null;
    try {
      const outcome = await runCommand(this.store, documentAggregate, documentId, { command: { type: 'RecordScanVerdict', documentId, verdict }, context: { now, catalogue: this.catalogue }, metadata: systemMetadata('malware-scan', now), expectedRevision: loaded.revision });
      position = outcome.position;
    } catch (error) {
      if (error instanceof StaleRevision) return null;
      throw error;
    }
    if (position === null) return { verdict: 'none', position };
    if (verdict.clean) return { verdict: 'clean', position };
    this.logger.warn({ documentId, signature: verdict.signature }, 'a held document was found infected; its file is removed');
    // After the event: a crash in between leaves a blob nothing points at, which reconciliation finds.
    await this.contents.delete(file.blobKey).catch((error: unknown) => this.logger.error({ err: error, documentId }, 'could not remove an infected file; reconciliation will find it'));
    return { verdict: 'infected', position };
  }
}
