import type { DepartmentPolicies, Principal } from '@kluis/auth';
import { type DocumentRequestCommand, documentRequestAggregate, documentRequestId, type DocumentTypeCatalogue } from '@kluis/document-domain';
import type { ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { FileAccess } from '../../access';
import { DEPARTMENT_POLICIES, DOCUMENT_CATALOGUE } from '../../config/config-tokens';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { evidenceTypesFor } from '../evidence-types';
import { askedByDepartment } from './asked-by-department';
import { documentOnFile } from './document-on-file';

type Officer = Principal & { department: string };

/** What proposing and confirming an escalation both start from: the department's own ask, read as a touch of the customer. */
export interface EscalationContext {
  readonly ask: Awaited<ReturnType<typeof askedByDepartment>>;
  readonly now: Date;
  /** Whether a document of the asked kind is verified or in review, which stops any escalation. */
  readonly documentOnFile: boolean;
}

/** The steps both escalation use cases share, so that proposing and confirming cannot drift apart. */
@Injectable()
export class EscalationSteps {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    private readonly files: FileAccess,
  ) {}

  async prepare(documentRequestId: string, principal: Officer, requestId: string): Promise<EscalationContext> {
    const ask = await askedByDepartment(this.db, documentRequestId, principal.department);
    const types = evidenceTypesFor(principal, ask.kind, this.catalogue, this.departments);
    await this.files.touch(principal, ask.customerId, requestId);
    const now = this.clock.now();
    return { ask, now, documentOnFile: await documentOnFile(this.db, ask.customerId, types, now) };
  }

  /** Decides on the ask's stream; the answer comes once the read models have seen it. */
  decide({ ask, now }: EscalationContext, command: DocumentRequestCommand, principal: Officer, requestId: string) {
    return this.pipeline.run(documentRequestAggregate, documentRequestId(ask.customerId, ask.kind), { command, context: { now }, metadata: metadataFor(principal, requestId, now) });
  }
}
