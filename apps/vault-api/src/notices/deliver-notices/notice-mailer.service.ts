import { findNotice, noticeAggregate } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { countUndeliveredNotices, dueNotices, markUnaddressed, noticeOutboxProjection, Projector, projectorLeaseFor, type ReadModelDatabase } from '@kluis/read-models';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { ProjectionConfig } from '../../config/config-slices';
import { NOTICE_SETTINGS, PROJECTION_CONFIG, STORAGE_CONFIG } from '../../config/config-tokens';
import type { NoticeSettings } from '../../config/notice-settings';
import type { StorageConfig } from '../../config/storage-config';
import { Clock } from '../../infrastructure/clock';
import { LeadingTimer } from '../../infrastructure/leading-timer';
import { ProjectionsService } from '../../infrastructure/projections.service';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { VaultMetrics } from '../../metrics';
import { runCommand } from '../../shared/event-sourcing/run-command';
import { systemMetadata } from '../../shared/event-sourcing/system-metadata';
import { retryDelayMs } from '../../webhooks';
import { readNotices } from '../read-notices';
import { NoticeNotSent, type NoticeSender } from './notice-sender';
import { openNoticeSender } from './open-notice-sender';

const BATCH = 20;

/**
 * Mails issued notices from the outbox, at least once: a notice leaves the outbox only when its delivery is recorded
 * as an event, so a crash between sending and recording sends it again, under the same Message-ID. A failed
 * attempt is recorded with its count and the time of the next one; after the last, the notice is recorded as not
 * delivered and stays in the inbox, where the customer and support see it.
 */
@Injectable()
export class NoticeMailer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoticeMailer.name);
  readonly outbox: Projector;
  private readonly timer: LeadingTimer;
  private readonly sender: NoticeSender | null;
  private readonly deliveries: Counter<'outcome'>;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CONFIG) private readonly projection: ProjectionConfig,
    @Inject(NOTICE_SETTINGS) private readonly notices: NoticeSettings,
    @Inject(STORAGE_CONFIG) storage: StorageConfig,
    private readonly clock: Clock,
    projections: ProjectionsService,
    metrics: VaultMetrics,
  ) {
    this.outbox = new Projector(db, store, noticeOutboxProjection, {
      lease: projectorLeaseFor(storage.readModel, noticeOutboxProjection.name),
      onError: (error) => this.logger.error({ err: error }, 'the notice outbox failed; it will resume from its checkpoint'),
    });
    this.timer = new LeadingTimer(projections, this.logger, 'notice delivery');
    this.sender = openNoticeSender(notices);
    this.deliveries = new Counter({
      name: 'kluis_notice_mails_total',
      help: 'Attempts to mail a notice: delivered, failed (to be retried) or undelivered (every attempt failed)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  /** Notices every attempt to mail failed, for support to follow up. */
  undelivered(): Promise<number> {
    return countUndeliveredNotices(this.db);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.sender) {
      this.logger.warn('neither VAULT_SMTP_URL nor VAULT_NOTICE_WEBHOOK_URL is set: notices are kept in the customers\' inboxes only');
      return;
    }
    if (this.projection.projector) await this.outbox.start();
    this.timer.start(this.notices.pollMs, () => this.deliverDue());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.timer.stop();
    await this.outbox.stop();
    this.sender?.close();
  }

  /** Mails every notice whose attempt is due; returns how many it looked at. */
  async deliverDue(): Promise<number> {
    const due = await dueNotices(this.db, this.clock.now(), BATCH);
    for (const { noticeId, customerId } of due) await this.deliver(noticeId, customerId);
    return due.length;
  }

  private async deliver(noticeId: string, customerId: string): Promise<void> {
    const sender = this.sender;
    if (!sender) return;
    const state = await readNotices(this.store, customerId);
    const record = findNotice(state, noticeId);
    const now = this.clock.now();
    // The outbox may be behind the stream: what the stream says was settled is settled.
    if (!record || record.delivery !== 'pending' || (record.retryAt !== null && record.retryAt > now.toISOString())) return;
    if (sender.needsAddress && !state.email) {
      await markUnaddressed(this.db, noticeId);
      return;
    }
    const { channel } = sender;
    const metadata = { ...systemMetadata('notice-mail', now), subject: customerId };
    try {
      await sender.send({ notice: record.notice, to: state.email || null });
    } catch (error) {
      const attempt = record.failedAttempts + 1;
      const { maxAttempts, backoffMs, maxBackoffMs } = this.notices;
      const retryAt = attempt >= maxAttempts ? null : new Date(now.getTime() + retryDelayMs(attempt, backoffMs, maxBackoffMs)).toISOString();
      this.deliveries.inc({ outcome: retryAt ? 'failed' : 'undelivered' });
      this.logger.warn({ noticeId, customerId, attempt, error: describe(error), retryAt }, retryAt ? 'mailing a notice failed; it will be retried' : 'a notice could not be mailed after every attempt');
      await runCommand(this.store, noticeAggregate, customerId, { command: { type: 'RecordNoticeDeliveryFailed', noticeId, channel, error: describe(error), retryAt }, context: { now }, metadata });
      return;
    }
    this.deliveries.inc({ outcome: 'delivered' });
    await runCommand(this.store, noticeAggregate, customerId, { command: { type: 'RecordNoticeDelivered', noticeId, channel }, context: { now: this.clock.now() }, metadata });
  }
}

/** The error's code and the server's reply code only: a mail server's message can quote the address. */
function describe(error: unknown): string {
  if (error instanceof NoticeNotSent) return error.safeReason;
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return [typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error', typeof responseCode === 'number' ? String(responseCode) : ''].filter(Boolean).join(' ');
}
