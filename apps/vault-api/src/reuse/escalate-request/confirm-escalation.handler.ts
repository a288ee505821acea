import type { DocumentTypeCatalogue } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import type { ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FileAccess } from '../../access/file-access';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { Clock } from '../../infrastructure/clock';
import { ProjectionsService } from '../../infrastructure/projections.service';
import { DOCUMENT_CATALOGUE, READ_MODEL_DB } from '../../infrastructure/tokens';
import { actorFor } from '../../shared/access/customer-file-access';
import { runCommand } from '../../shared/event-sourcing/command-runner';
import { documentRequestKind, requestStreamId } from '../../shared/event-sourcing/document-request-kind';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { evidenceTypesFor } from '../evidence-types';
import { askedByDepartment } from './asked-by-department';
import { documentOnFile } from './document-on-file';
import { ConfirmEscalationCommand, type EscalationAnswer } from './escalate-request.command';

/** Four eyes: a second officer of the same department confirms an escalation, and only then may it be acted on. */
@CommandHandler(ConfirmEscalationCommand)
export class ConfirmEscalationHandler implements ICommandHandler<ConfirmEscalationCommand, EscalationAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
    private readonly files: FileAccess,
  ) {}

  async execute({ documentRequestId, escalationId, principal, requestId }: ConfirmEscalationCommand): Promise<EscalationAnswer> {
    const ask = await askedByDepartment(this.db, documentRequestId, principal.department);
    const types = evidenceTypesFor(principal, ask.kind, this.catalogue, this.config.departments);
    await this.files.touch(principal, ask.customerId, requestId);
    const now = this.clock.now();
    const onFile = await documentOnFile(this.db, ask.customerId, types, now);
    const outcome = await runCommand(
      this.store,
      documentRequestKind,
      requestStreamId(ask.customerId, ask.kind),
      { type: 'ConfirmEscalation', requestId: ask.id, escalationId, department: principal.department, by: actorFor(principal), documentOnFile: onFile },
      { now },
      { metadata: metadataFor(principal, requestId, now) },
    );
    if (outcome.position !== null) await this.projections.caughtUpTo(outcome.position);
    const escalation = outcome.state.open?.escalations.find((candidate) => candidate.escalationId === escalationId);
    return { escalationId, requestId: ask.id, action: escalation?.action ?? '', status: 'confirmed' };
  }
}
