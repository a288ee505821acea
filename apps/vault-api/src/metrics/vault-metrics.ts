import { type ReadModelDatabase, reviewBacklog } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Clock } from '../infrastructure/clock';
import { ProjectionsService } from '../infrastructure/projections.service';
import { READ_MODEL_DB } from '../infrastructure/tokens';

/**
 * The vault's Prometheus metrics, in a registry of its own. The review backlog is read at scrape time from the
 * read model, so the pile of unprocessed documents can never drift from what reviewers see.
 */
@Injectable()
export class VaultMetrics {
  readonly registry = new Registry();

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    clock: Clock,
    projections: ProjectionsService,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'kluis_' });
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
      name: 'kluis_projection_lag_events',
      help: 'How far the documents read model is behind the event store, in positions',
      registers: [this.registry],
      async collect() {
        this.set(await projections.lag());
      },
    });
  }
}
