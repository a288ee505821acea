import { CurrentPrincipal, departmentMay, isDepartmentPrincipal, type Principal } from '@kluis/auth';
import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { ifMatchRevision } from '../../shared/http/etag';
import { DocumentPath, ReferencePath } from '../../shared/http/ids';
import { fingerprintOf, IdempotencyService } from '../../idempotency';
import { forbidden } from '../../shared/http/problem.exception';
import { ReleaseReferenceCommand } from '../release-reference/release-reference.command';
import { ReferenceDocumentCommand } from './reference-document.command';
import { ReferenceDocumentRequest } from './reference-document.request.dto';

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
    private readonly commands: CommandBus,
    private readonly idempotency: IdempotencyService,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  @Post()
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
    const answer = await this.idempotency.run(principal, idempotencyKey, fingerprint, async () => ({
      status: 201,
      body: await this.commands.execute(new ReferenceDocumentCommand(path.documentId, body, ifMatchRevision(ifMatch), department, requestIdOf(request))),
    }));
    return answer.body;
  }

  @Delete(':referenceId')
  @ApiOkResponse({ description: 'Released: your department no longer relies on it' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such reference of your department' })
  async release(@Param() path: ReferencePath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    await this.commands.execute(new ReleaseReferenceCommand(path.documentId, path.referenceId, this.referencingDepartment(principal), requestIdOf(request)));
    return { released: path.referenceId };
  }

  private referencingDepartment(principal: Principal) {
    if (!isDepartmentPrincipal(principal) || !departmentMay(principal, this.config.departments, 'references:write')) {
      throw forbidden('Only departments with references:write rely on documents.');
    }
    return principal;
  }
}
