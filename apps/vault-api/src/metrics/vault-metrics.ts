import { countBulkBlocks, countPendingScan, type ReadModelDatabase, reviewBacklog } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Clock } from '../infrastructure/clock';
import { EventStoreCommits } from '../infrastructure/event-store-commits';
import { ProjectionsService } from '../infrastructure/projections.service';
import { READ_MODEL_DB } from '../infrastructure/tokens';

/**
 * The vault's Prometheus metrics, in a registry of its own. The review backlog is read at scrape time from the
 * read model, so the pile of unprocessed documents can never drift from what reviewers see.
 */
@Injectable()
export class VaultMetrics {
  readonly registry = new Registry();
  /** Labelled by route pattern, never by URL, so ids do not multiply the series. */
  readonly requestDuration = new Histogram({
    name: 'kluis_http_request_duration_seconds',
    help: 'HTTP request latency, from the request arriving to the response being sent',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [this.registry],
  });
  readonly uploads = new Counter({
    name: 'kluis_uploads_total',
    help: 'Uploads answered: stored (201), duplicate (200, already on file) or refused (an error answer)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly escapedErrors = new Counter({
    name: 'kluis_escaped_errors_total',
    help: 'Errors that escaped their request: logged, answered with 500 where the request was known, and survived',
    registers: [this.registry],
  });
  readonly uploadedBytes = new Counter({ name: 'kluis_uploaded_bytes_total', help: 'Bytes of the documents stored by uploads', registers: [this.registry] });

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    clock: Clock,
    projections: ProjectionsService,
    commits: EventStoreCommits,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'kluis_' });
    this.registry.registerMetric(commits.eventsPerCommit);
    let backlog: Promise<{ waiting: number; overdue: number }> | null = null;
    // One query per scrape serves both gauges.
    const readBacklog = () => {
      backlog ??= reviewBacklog(db, clock.now()).finally(() => {
        backlog = null;
      });
      return backlog;
    };
    new Gauge({
      name: 'kluis_review_queue_documents',
      help: 'Documents waiting for a review',
      registers: [this.registry],
      async collect() {
        this.set((await readBacklog()).waiting);
      },
    });
    new Gauge({
      name: 'kluis_review_overdue_documents',
      help: 'Documents waiting for a review past their SLA deadline',
      registers: [this.registry],
      async collect() {
        this.set((await readBacklog()).overdue);
      },
    });
    new Gauge({
      name: 'kluis_bulk_access_blocks',
      help: 'Principals and departments the bulk-access guard has stopped, waiting for an administrator',
      registers: [this.registry],
      async collect() {
        this.set(await countBulkBlocks(db));
      },
    });
    new Gauge({
      name: 'kluis_documents_pending_scan',
      help: 'Documents held until the malware scanner can check them',
      registers: [this.registry],
      async collect() {
        this.set(await countPendingScan(db));
      },
    });
    new Gauge({
      name: 'kluis_projection_lag_events',
      help: 'How far the documents read model is behind the event store, in positions',
      registers: [this.registry],
      async collect() {
        this.set(await projections.lag());
      },
    });
  }
}
