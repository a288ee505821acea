import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import { Gauge } from 'prom-client';
import { RECONCILIATION_CONFIG, STORAGE_CONFIG } from '../config/config-tokens';
import type { StorageConfig } from '../config/storage-config';
import { Clock } from '../infrastructure/clock';
import { DocumentContentStore } from '../encryption/document-content-store';
import { VaultMetrics } from '../metrics';
import { reconcileBlobs } from './reconcile-blobs';
import type { ReconciliationConfig } from '../config/reconciliation-config';
import { foundDataLoss } from './reconciliation-report';
import { loadReconciliationState, type ReconciliationSummary, reconciliationStatePath, saveReconciliationState, stateAfter } from './reconciliation-state';

/** What /health says about the last reconciliation, whichever process ran it. */
export interface ReconciliationStatus {
  readonly status: 'clean' | 'data-loss' | 'not-run';
  readonly at: string | null;
  readonly missingBlobs: number;
  readonly hashMismatches: number;
  readonly orphanBlobs: number;
}

/**
 * Reconciles the blob store with the registry on a timer, one run at a time, and keeps the last result where the
 * command line keeps its own, so /health and the metrics show the latest run of either.
 */
@Injectable()
export class ReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconciliationService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconciliationSummary> | null = null;
  private cached: { readonly mtimeMs: number; readonly last: ReconciliationSummary | null } | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(STORAGE_CONFIG) private readonly storage: StorageConfig,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationConfig,
    private readonly clock: Clock,
    private readonly contents: DocumentContentStore,
    metrics: VaultMetrics,
  ) {
    const gauge = (name: string, help: string, read: (status: ReconciliationStatus) => number) => {
      const metric: Gauge = new Gauge({ name, help, registers: [metrics.registry], collect: async () => metric.set(read(await this.status())) });
    };
    gauge('kluis_reconciliation_missing_blobs', 'Blobs the registry points at that the blob store lacks, at the last reconciliation', (status) => status.missingBlobs);
    gauge('kluis_reconciliation_hash_mismatches', 'Blobs whose hash or size differ from the registry, at the last reconciliation', (status) => status.hashMismatches);
    gauge('kluis_reconciliation_orphan_blobs', 'Blobs no event points at, left after the last reconciliation', (status) => status.orphanBlobs);
    gauge('kluis_reconciliation_last_run_timestamp_seconds', 'When the last reconciliation started; 0 when none has run', (status) => (status.at ? Date.parse(status.at) / 1000 : 0));
  }

  onApplicationBootstrap(): void {
    if (this.config.intervalMs === null) return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.logger.error({ err: error }, 'reconciliation failed; the next run retries'));
    }, this.config.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs a reconciliation now, or joins the one already running. */
  run(): Promise<ReconciliationSummary> {
    this.running ??= this.reconcile().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async status(): Promise<ReconciliationStatus> {
    const last = await this.last();
    if (!last) return { status: 'not-run', at: null, missingBlobs: 0, hashMismatches: 0, orphanBlobs: 0 };
    return {
      status: last.counts.missing > 0 || last.counts.mismatches > 0 ? 'data-loss' : 'clean',
      at: last.startedAt,
      missingBlobs: last.counts.missing,
      hashMismatches: last.counts.mismatches,
      orphanBlobs: last.counts.orphans,
    };
  }

  private async reconcile(): Promise<ReconciliationSummary> {
    const previous = await loadReconciliationState(this.storage.dataDir);
    const report = await reconcileBlobs(this.store, this.blobs, {
      now: () => this.clock.now(),
      contents: this.contents,
      deep: this.config.deep,
      repair: true,
      orphanGraceMs: this.config.orphanGraceMs,
      orphansFirstSeen: previous.orphansFirstSeen,
    });
    const state = stateAfter(report);
    await saveReconciliationState(this.storage.dataDir, state);
    const level = foundDataLoss(report) ? 'error' : 'log';
    this.logger[level]({ reconciliation: { startedAt: report.startedAt, deep: report.deep, ...state.last!.counts } }, 'reconciliation finished');
    return state.last!;
  }

  /** The last run's summary, read again only when the file changed. */
  private async last(): Promise<ReconciliationSummary | null> {
    const mtimeMs = await stat(reconciliationStatePath(this.storage.dataDir)).then(
      (stats) => stats.mtimeMs,
      () => 0,
    );
    if (this.cached?.mtimeMs !== mtimeMs) this.cached = { mtimeMs, last: mtimeMs === 0 ? null : (await loadReconciliationState(this.storage.dataDir)).last };
    return this.cached.last;
  }
}
