import { DOCUMENT_TYPES, documentAggregate, documentRequestAggregate, documentRequestId, type DocumentType, type DocumentTypeCatalogue, type EvidenceKind } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { documentsPastValidity, findEvidence, findPendingEvidence, type ReadModelDatabase, reliedOnAndLapsing } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ExpiryConfig } from '../config/config-slices';
import { DOCUMENT_CATALOGUE, EXPIRY_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { LeadingTimer } from '../infrastructure/leading-timer';
import { ProjectionsService } from '../infrastructure/projections.service';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { runCommand } from '../shared/event-sourcing/run-command';
import { systemMetadata } from '../shared/event-sourcing/system-metadata';

const BATCH = 200;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Expires verified documents whose validity has ended, and asks the customer for a replacement of every document a
 * department relies on before it lapses, so no department has to remember. The read model (fed by the subscription)
 * says which; a timer says when; the deciders decide, so a repeated or concurrent sweep appends nothing twice.
 */
@Injectable()
export class ExpiryProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiryProcess.name);
  private readonly timer: LeadingTimer;
  private sweeping: Promise<number> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(EXPIRY_CONFIG) private readonly expiry: ExpiryConfig,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {
    this.timer = new LeadingTimer(projections, this.logger, 'expiry sweep');
  }

  onApplicationBootstrap(): void {
    this.timer.start(this.expiry.sweepMs, () => this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
    await this.sweeping?.catch(() => undefined);
  }

  /** Expires everything due as of now; returns how many documents it expired. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.expireDue().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async expireDue(): Promise<number> {
    const expired = await this.expireLapsed();
    await this.askForReplacements();
    return expired;
  }

  private async askForReplacements(): Promise<void> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.expiry.horizonDays * DAY_MS).toISOString().slice(0, 10);
    for (const lapsing of await reliedOnAndLapsing(this.db, horizon)) {
      const kind = lapsing.kind as EvidenceKind;
      const types = DOCUMENT_TYPES.filter((type: DocumentType) => this.catalogue[type].evidenceKind === kind);
      const replacement = await findEvidence(this.db, lapsing.customerId, types, now.toISOString().slice(0, 10));
      if (replacement && replacement.id !== lapsing.documentId && (replacement.expiresOn === null || replacement.expiresOn > horizon)) continue;
      const why = lapsing.validUntil ? `is valid until ${lapsing.validUntil}` : 'can no longer be relied on';
      await runCommand(this.store, documentRequestAggregate, documentRequestId(lapsing.customerId, kind), { command: {
          type: 'RequestDocument',
          newRequestId: randomUUID(),
          customerId: lapsing.customerId,
          kind,
          department: lapsing.department,
          purpose: `A replacement: the ${lapsing.type.replace(/-/g, ' ')} we rely on ${why}`,
          dueBy: lapsing.validUntil,
          // A replacement already handed in and in review is waited on, not asked for again.
          pending: await findPendingEvidence(this.db, lapsing.customerId, types),
          by: { id: 'kluis:expiry', kind: 'department', department: lapsing.department },
        }, context: { now }, metadata: systemMetadata('expiry', now) });
    }
  }

  private async expireLapsed(): Promise<number> {
    let expired = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await documentsPastValidity(this.db, now.toISOString().slice(0, 10), BATCH);
      let position = 0;
      for (const documentId of due) {
        const outcome = await runCommand(this.store, documentAggregate, documentId, { command: { type: 'ExpireDocument', documentId }, context: { now, catalogue: this.catalogue }, metadata: systemMetadata('expiry', now) });
        if (outcome.position !== null) {
          expired += 1;
          position = outcome.position;
        }
      }
      if (position > 0) await this.projections.caughtUpTo(position);
      if (due.length < BATCH || position === 0) return expired;
    }
  }
}
