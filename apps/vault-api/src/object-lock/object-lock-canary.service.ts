import { type LockProof, type ObjectLockCanary } from '@kluis/blob-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { ConfigError } from '../config/config-error';
import type { ServerConfig } from '../config/config-slices';
import { SERVER_CONFIG } from '../config/config-tokens';
import { LeadingTimer } from '../infrastructure/leading-timer';
import { ProjectionsService } from '../infrastructure/projections.service';
import { VaultMetrics } from '../metrics';

export const OBJECT_LOCK_CANARY = Symbol('OBJECT_LOCK_CANARY');

const DAY_MS = 24 * 3600_000;

/** What /health says about object lock: whether the S3 server was last seen refusing to delete a locked version. */
export interface ObjectLockStatus {
  readonly status: LockProof | 'not-configured' | 'not-run' | 'unknown';
  readonly at: string | null;
}

/**
 * Proves, at start-up and then daily on the leading instance, that the S3 store really enforces the object lock it
 * is configured with. Some S3 servers accept a COMPLIANCE retention and still delete: a production vault refuses to
 * start on one, and a running vault reports it on /health and in `kluis_object_lock_canary_failures_total`.
 */
@Injectable()
export class ObjectLockCanaryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ObjectLockCanaryService.name);
  private readonly timer: LeadingTimer;
  private readonly failures: Counter;
  private last: ObjectLockStatus;

  constructor(
    @Inject(SERVER_CONFIG) private readonly server: ServerConfig,
    @Inject(OBJECT_LOCK_CANARY) private readonly canary: ObjectLockCanary | null,
    projections: ProjectionsService,
    metrics: VaultMetrics,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'object lock canary');
    this.last = { status: canary ? 'not-run' : 'not-configured', at: null };
    this.failures = new Counter({
      name: 'kluis_object_lock_canary_failures_total',
      help: 'Canaries under COMPLIANCE retention that the S3 server let be deleted: its object lock is not enforced',
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.canary) return;
    const status = await this.run().catch((error: unknown) => {
      this.logger.error({ err: error }, 'the object lock canary could not run; the next run retries');
      return 'unknown' as const;
    });
    if (status === 'not-enforced' && this.server.production) {
      throw new ConfigError('VAULT_BLOB_STORE: the S3 server deleted a version under COMPLIANCE retention, so it does not enforce object lock; documents cannot be kept there');
    }
    this.timer.start(DAY_MS, () => this.run());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
  }

  status(): ObjectLockStatus {
    return this.last;
  }

  private async run(): Promise<LockProof> {
    if (!this.canary) throw new Error('no object lock is configured');
    const proof = await this.canary.prove();
    this.last = { status: proof, at: new Date().toISOString() };
    if (proof === 'not-enforced') {
      this.failures.inc();
      this.logger.error('the S3 server deleted a version under COMPLIANCE retention: object lock is not enforced');
    }
    return proof;
  }
}
