import { deleteIdempotencyKeysBefore, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { IdempotencyConfig } from '../config/config-slices';
import { IDEMPOTENCY_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { LeadingTimer } from '../infrastructure/leading-timer';
import { ProjectionsService } from '../infrastructure/projections.service';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { idempotencyCutoff } from './idempotency.service';

const SWEEP_MS = 15 * 60 * 1000;
/** Small batches keep each delete short, so requests writing to the read model never wait long behind one. */
const BATCH = 500;

/** Deletes expired Idempotency-Keys and the answers stored with them. */
@Injectable()
export class IdempotencyKeySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeySweeper.name);
  private readonly timer: LeadingTimer;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(IDEMPOTENCY_CONFIG) private readonly idempotency: IdempotencyConfig,
    private readonly clock: Clock,
    projections: ProjectionsService,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'idempotency key sweep');
  }

  onApplicationBootstrap(): void {
    this.timer.start(SWEEP_MS, () => this.sweep());
  }

  onApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  /** Returns how many keys it deleted. */
  async sweep(): Promise<number> {
    const cutoff = idempotencyCutoff(this.clock.now(), this.idempotency);
    let deleted = 0;
    for (;;) {
      const count = await deleteIdempotencyKeysBefore(this.db, cutoff, BATCH);
      deleted += count;
      if (count < BATCH) return deleted;
    }
  }
}
