import { addDays, type DocumentType, type EvidenceKind, expiringSoonFor, type NoticeDraft, reminderFor } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { documentsExpiringBetween, type ReadModelDatabase, sentAsksDueBetween } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ExpiryConfig } from '../../config/config-slices';
import { EXPIRY_CONFIG, NOTICE_SETTINGS } from '../../config/config-tokens';
import type { NoticeSettings } from '../../config/notice-settings';
import { Clock } from '../../infrastructure/clock';
import { LeadingTimer } from '../../infrastructure/leading-timer';
import { ProjectionsService } from '../../infrastructure/projections.service';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { issueNotice } from './notice-issuer';


/**
 * Reminds the customer of every open ask a few days before it is due, and tells her when a verified document's
 * validity is about to end. Time, not an event, is the cause, so a timer looks; a notice's id comes from the ask or
 * the document's validity, so however often it looks, each is told once.
 */
@Injectable()
export class ReminderSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSweep.name);
  private readonly timer: LeadingTimer;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(NOTICE_SETTINGS) private readonly notices: NoticeSettings,
    @Inject(EXPIRY_CONFIG) private readonly expiry: ExpiryConfig,
    private readonly clock: Clock,
    projections: ProjectionsService,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'reminder sweep');
  }

  onApplicationBootstrap(): void {
    this.timer.start(this.notices.reminderSweepMs, () => this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
  }

  /** Issues the notices due today; returns how many it looked at. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const within = (days: number) => addDays(today, days);
    const { reminderDays } = this.notices;
    // Only asks the customer was sent: one waiting on a document she already handed in asked her nothing yet.
    const asks = await sentAsksDueBetween(this.db, today, within(reminderDays));
    const expiring = await documentsExpiringBetween(this.db, today, within(this.expiry.horizonDays));
    const drafts = [
      ...asks.map((ask) => reminderFor({ requestId: ask.request_id, customerId: ask.customer_id, kind: ask.kind as EvidenceKind, dueBy: ask.due_by }, today, reminderDays)),
      ...expiring.map((document) => expiringSoonFor({ ...document, type: document.type as DocumentType }, today, this.expiry.horizonDays)),
    ];
    for (const draft of drafts.filter((each): each is NoticeDraft => each !== null)) {
      await issueNotice(this.store, draft, now, { id: draft.causedBy, correlationId: draft.causedBy });
    }
    return drafts.length;
  }
}
