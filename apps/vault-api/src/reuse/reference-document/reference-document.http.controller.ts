import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { documentAggregate } from '@kluis/document-domain';
import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Requires } from '../../access';
import { DEPARTMENT_POLICIES } from '../../config/config-tokens';
import { DocumentChanges } from '../../documents';
import { actorFor } from '../../shared/access/customer-file-access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { ifMatchRevision } from '../../shared/http/etag';
import { DocumentPath, ReferencePath } from '../../shared/http/ids';
import { fingerprintOf, IdempotencyService } from '../../idempotency';
import { admittedDepartment } from '../../shared/access/policy/may';
import { ReferenceDocumentRequest } from './reference-document.request.dto';
import { referenceCreated } from './reference-created';
import { ReleasedReferenceResponse } from './released-reference.response';

class ReferenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'mandates' }) department!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() caseRef!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/references')
export class ReferenceDocumentController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
    private readonly idempotency: IdempotencyService,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
  ) {}

  @Requires('document.reference')
  @Post()
  @ApiOperation({ summary: 'Rely on a verified document' })
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ReferenceResponse, description: 'Your department relies on the document; the customer sees who and why' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only departments with references:write' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Only a verified document can be relied on' })
  async reference(
    @Param() path: DocumentPath,
    @Body() body: ReferenceDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const department = this.referencingDepartment(principal);
    const fingerprint = fingerprintOf({ operation: 'reference-document', documentId: path.documentId, ...body });
    const answer = await this.idempotency.run(principal, idempotencyKey, fingerprint, async () => {
      const { documentId } = path;
      const { events } = await this.pipeline.run(documentAggregate, documentId, {
        ...this.changes.by(principal, requestIdOf(request), 'reference', ifMatchRevision(ifMatch)),
        command: { type: 'ReferenceDocument', documentId, referenceId: randomUUID(), department: department.department, purpose: body.purpose, caseRef: body.caseRef, by: actorFor(principal) },
      });
      return { status: 201, body: referenceCreated(events) };
    });
    return answer.body;
  }

  @Requires('document.reference')
  @Delete(':referenceId')
  @ApiOperation({ summary: 'Stop relying on a document' })
  @ApiOkResponse({ type: ReleasedReferenceResponse, description: 'Released: your department no longer relies on it' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such reference of your department' })
  async release(@Param() path: ReferencePath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const { documentId, referenceId } = path;
    const { department } = this.referencingDepartment(principal);
    await this.pipeline.run(documentAggregate, documentId, {
      ...this.changes.by(principal, requestIdOf(request), 'reference'),
      command: { type: 'ReleaseReference', documentId, referenceId, department, by: actorFor(principal) },
    });
    return { released: referenceId };
  }

  private referencingDepartment(principal: Principal) {
    return admittedDepartment(principal, this.departments).principal;
  }
}
