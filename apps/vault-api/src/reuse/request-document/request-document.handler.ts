import { assertDueByAllowed, documentRequestAggregate, documentRequestId, type DocumentTypeCatalogue, outlastsDueDate } from '@kluis/document-domain';
import { findEvidence, findPendingEvidence, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccessRecorder, FileAccess } from '../../access';
import { DEPARTMENT_POLICIES, DOCUMENT_CATALOGUE, REQUEST_RULES } from '../../config/config-tokens';
import type { RequestRules } from '../../config/request-rules-setting';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { actorFor } from '../../shared/access/customer-file-access';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { evidenceTypesFor } from '../evidence-types';
import { type RequestAnswer, RequestDocumentCommand } from './request-document.command';
import type { DepartmentPolicies } from '@kluis/auth';

/**
 * Asks the vault before asking the customer: what is verified and valid is answered at once, and what is in review is
 * waited on; neither reaches the customer. Otherwise the department joins the one open ask for that kind, or opens it.
 */
@CommandHandler(RequestDocumentCommand)
export class RequestDocumentHandler implements ICommandHandler<RequestDocumentCommand, RequestAnswer> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(REQUEST_RULES) private readonly requestRules: RequestRules,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    private readonly access: AccessRecorder,
    private readonly files: FileAccess,
  ) {}

  async execute({ customerId, request, principal, requestId }: RequestDocumentCommand): Promise<RequestAnswer> {
    const { kind, purpose } = request;
    const types = evidenceTypesFor(principal, kind, this.catalogue, this.departments);
    const now = this.clock.now();
    const pending = await findPendingEvidence(this.db, customerId, types);
    assertDueByAllowed(request.dueBy, now, this.requestRules.minDueBusinessDays, pending?.reviewDueAt ?? null);
    await this.files.touch(principal, customerId, requestId);
    const evidence = await findEvidence(this.db, customerId, types, now.toISOString().slice(0, 10));
    // What lapses before the department needs it does not answer the ask: the customer must be asked in time.
    const found = evidence && outlastsDueDate(evidence.expiresOn, request.dueBy ?? null) ? evidence : null;
    await this.access.evidenceQueried(principal, customerId, { kind, satisfied: found !== null, documentId: found?.id ?? null, purpose }, requestId);
    if (found) return { status: 'satisfied', documentId: found.id };
    const outcome = await this.pipeline.run(documentRequestAggregate, documentRequestId(customerId, kind), {
      command: { type: 'RequestDocument', newRequestId: randomUUID(), customerId, kind, department: principal.department, purpose, dueBy: request.dueBy ?? null, pending, by: actorFor(principal) },
      context: { now },
      metadata: metadataFor(principal, requestId, now),
    });
    const open = outcome.state.open;
    if (!open) throw new Error('an ask that is not satisfied must be open');
    const ask = { id: open.requestId, kind: open.kind, askers: open.askers, openedAt: open.openedAt };
    const inReview = pending ?? open.waitingOn;
    if (inReview) return { ...ask, status: 'in_review', documentId: inReview.documentId, reviewDueAt: inReview.reviewDueAt };
    return { ...ask, status: 'open', opened: outcome.events.some((event) => event.type === 'DocumentRequested') };
  }
}
