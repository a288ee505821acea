import type { DocumentTypeCatalogue } from '@kluis/document-domain';
import { findEvidence, findPendingEvidence, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessRecorder, FileAccess } from '../../access';
import { DEPARTMENT_POLICIES, DOCUMENT_CATALOGUE } from '../../config/config-tokens';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { evidenceTypesFor } from '../evidence-types';
import { type Evidence, GetEvidenceQuery } from './get-evidence.query';
import type { DepartmentPolicies } from '@kluis/auth';

@QueryHandler(GetEvidenceQuery)
export class GetEvidenceHandler implements IQueryHandler<GetEvidenceQuery, Evidence> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly clock: Clock,
    private readonly access: AccessRecorder,
    private readonly files: FileAccess,
  ) {}

  async execute({ customerId, kind, purpose, minAssurance, principal, requestId }: GetEvidenceQuery): Promise<Evidence> {
    const types = evidenceTypesFor(principal, kind, this.catalogue, this.departments);
    await this.files.touch(principal, customerId, requestId);
    const found = await findEvidence(this.db, customerId, types, this.clock.now().toISOString().slice(0, 10), minAssurance);
    await this.access.evidenceQueried(principal, customerId, { kind, satisfied: found !== null, documentId: found?.id ?? null, purpose }, requestId);
    if (!found) {
      const pending = await findPendingEvidence(this.db, customerId, types);
      return pending ? { satisfied: false, pending } : { satisfied: false };
    }
    return { satisfied: true, documentId: found.id, type: found.type, validUntil: found.expiresOn, facts: found.facts, assurance: found.assurance };
  }
}
