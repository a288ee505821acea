import { customerRetentionAggregate } from '@kluis/document-domain';
import { customersDueForErasure, erasuresToComplete, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { RetentionConfig } from '../config/config-slices';
import { RETENTION_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { LeadingTimer } from '../infrastructure/leading-timer';
import { ProjectionsService } from '../infrastructure/projections.service';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { CommandPipeline } from '../shared/event-sourcing/command-pipeline';
import { systemMetadata } from '../shared/event-sourcing/system-metadata';
import { CustomerErasure } from './customer-erasure';
import { CustomerRetentionService } from './customer-retention.service';

const BATCH = 100;

/**
 * Erases customers whose retention period ran out without a legal hold. The read model says who is due, the
 * customer's decider decides (a hold placed a moment ago still wins), and CustomerErasure does the rest. Runs only
 * on the instance that projects, so two instances never race to erase the same customer.
 */
@Injectable()
export class RetentionProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionProcess.name);
  private readonly timer: LeadingTimer;
  private sweeping: Promise<number> | null = null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(RETENTION_CONFIG) private readonly settings: RetentionConfig,
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
    private readonly erasure: CustomerErasure,
    projections: ProjectionsService,
    private readonly clock: Clock,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'retention sweep');
  }

  onApplicationBootstrap(): void {
    this.timer.start(this.settings.sweepMs, () => this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
    await this.sweeping?.catch(() => undefined);
  }

  /** Erases everyone due as of now, and finishes erasures a crash left half done; returns how many it finished. */
  sweep(): Promise<number> {
    this.sweeping ??= this.eraseDue().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async eraseDue(): Promise<number> {
    const today = this.clock.now().toISOString().slice(0, 10);
    for (const customerId of await customersDueForErasure(this.db, today, BATCH)) {
      const command = { type: 'EraseWhenDue', customerId } as const;
      await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.request(command, systemMetadata('retention', this.clock.now())));
    }
    let finished = 0;
    for (const customerId of await erasuresToComplete(this.db, BATCH)) {
      try {
        await this.erasure.complete(customerId);
        finished += 1;
      } catch (error) {
        this.logger.error({ err: error, customerId }, 'erasure stopped part way; the next sweep continues it');
      }
    }
    return finished;
  }
}
