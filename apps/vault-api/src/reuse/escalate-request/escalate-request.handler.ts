import type { DocumentTypeCatalogue } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import type { ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { FileAccess } from '../../access/file-access';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { Clock } from '../../infrastructure/clock';
import { ProjectionsService } from '../../infrastructure/projections.service';
import { DOCUMENT_CATALOGUE, READ_MODEL_DB } from '../../infrastructure/tokens';
import { RequestNotices } from '../../requests/request-notices';
import { actorFor } from '../../shared/access/customer-file-access';
import { runCommand } from '../../shared/event-sourcing/command-runner';
import { documentRequestKind, requestStreamId } from '../../shared/event-sourcing/document-request-kind';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { evidenceTypesFor } from '../evidence-types';
import { askedByDepartment } from './asked-by-department';
import { documentOnFile } from './document-on-file';
import { type EscalationAnswer, ProposeEscalationCommand } from './escalate-request.command';

/**
 * A department records that it means to act against a customer on a missing document. The vault refuses, naming
 * every reason, until the customer has had proper notice; an accepted escalation still waits for a second officer.
 */
@CommandHandler(ProposeEscalationCommand)
export class ProposeEscalationHandler implements ICommandHandler<ProposeEscalationCommand, EscalationAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
    private readonly files: FileAccess,
    private readonly notices: RequestNotices,
  ) {}

  async execute({ documentRequestId, request, principal, requestId }: ProposeEscalationCommand): Promise<EscalationAnswer> {
    const ask = await askedByDepartment(this.db, documentRequestId, principal.department);
    const types = evidenceTypesFor(principal, ask.kind, this.catalogue, this.config.departments);
    await this.files.touch(principal, ask.customerId, requestId);
    const now = this.clock.now();
    const onFile = await documentOnFile(this.db, ask.customerId, types, now);
    const notices = await this.notices.noticesFor(ask.customerId, ask.id);
    const escalationId = randomUUID();
    const outcome = await runCommand(
      this.store,
      documentRequestKind,
      requestStreamId(ask.customerId, ask.kind),
      {
        type: 'ProposeEscalation',
        requestId: ask.id,
        escalationId,
        department: principal.department,
        action: request.action,
        purpose: request.purpose,
        by: actorFor(principal),
        facts: { documentOnFile: onFile, notices, noticeDays: this.config.requestRules.escalationNoticeDays },
      },
      { now },
      { metadata: metadataFor(principal, requestId, now) },
    );
    if (outcome.position !== null) await this.projections.caughtUpTo(outcome.position);
    return { escalationId, requestId: ask.id, action: request.action, status: 'awaiting_confirmation' };
  }
}
