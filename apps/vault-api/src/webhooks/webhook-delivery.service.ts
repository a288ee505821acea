import { findWebhookDeadLetter, projectorLeaseFor, type ReadModelDatabase, recordWebhookRetryFailure, removeWebhookDeadLetter } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ProjectionConfig } from '../config/config-slices';
import { PROJECTION_CONFIG, STORAGE_CONFIG, WEBHOOK_CONFIG } from '../config/config-tokens';
import type { StorageConfig } from '../config/storage-config';
import type { WebhookConfig } from '../config/webhook-config';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { DepartmentWebhook } from './department-webhook';
import { type DeliveryAttempt, sendFeedEntry } from './send-feed-entry';
import { NoWebhookForDepartmentError, WebhookDeadLetterNotFoundError } from './webhook.errors';

export interface RetriedDeadLetter {
  readonly id: string;
  readonly department: string;
  readonly position: number;
  readonly attempt: DeliveryAttempt;
}

/**
 * Delivers every configured department's feed to its webhook from the instances that run projectors, one instance
 * per department at a time, and sends dead letters again when an administrator asks.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private readonly webhooks: DepartmentWebhook[] = [];
  /** Aborts administrators' retries still waiting for an endpoint when the vault stops. */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(PROJECTION_CONFIG) private readonly projections: ProjectionConfig,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    @Inject(STORAGE_CONFIG) private readonly storage: StorageConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const { endpoints, ...settings } = this.config;
    const departments = Object.keys(endpoints);
    if (departments.length === 0) return;
    if (!this.projections.projector) {
      this.logger.log('webhooks are delivered by the instances that run projectors; this one does not');
      return;
    }
    for (const department of departments) {
      const webhook = new DepartmentWebhook({
        department,
        endpoint: endpoints[department],
        settings,
        db: this.db,
        lease: projectorLeaseFor(this.storage.readModel, `webhook-${department}`),
        now: () => this.clock.now(),
        onError: (error) => this.logger.error({ err: error, department }, 'webhook delivery failed; it resumes from its cursor'),
        onDeadLetter: (letter) =>
          this.logger.warn({ department, position: letter.position, attempts: letter.attempts, lastStatus: letter.lastStatus, deadLetterId: letter.id }, 'a feed entry was set aside after every attempt to deliver it failed'),
      });
      this.webhooks.push(webhook);
      webhook.start();
    }
  }

  /** Runs before the read model is closed, which happens when the application shuts down. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.webhooks.map((webhook) => webhook.stop()));
  }

  /** Sends a dead letter once more, now; removes it when delivered, otherwise counts the attempt. */
  async retry(id: string): Promise<RetriedDeadLetter> {
    const letter = await findWebhookDeadLetter(this.db, id);
    if (!letter) throw new WebhookDeadLetterNotFoundError(id);
    const endpoint = this.config.endpoints[letter.department];
    if (!endpoint) throw new NoWebhookForDepartmentError(letter.department);
    const now = this.clock.now();
    const attempt = await sendFeedEntry(endpoint, letter.entry, { department: letter.department, timeoutMs: this.config.timeoutMs, now, signal: this.stopping.signal });
    if (attempt.delivered) await removeWebhookDeadLetter(this.db, id);
    else await recordWebhookRetryFailure(this.db, id, { lastStatus: attempt.status, lastError: attempt.error, failedAt: now.toISOString() });
    return { id, department: letter.department, position: letter.position, attempt };
  }
}
