import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { customerRetentionAggregate } from '@kluis/document-domain';
import { Controller, Delete, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FileAccess, Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { ifMatchRevision } from '../../shared/http/etag';
import { CustomerRetentionService } from '../customer-retention.service';
import { LegalHoldPath } from '../retention.path';
import { RetentionResponse } from '../retention.response';
import { retentionAnswer } from '../retention-answer';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/legal-holds/:holdId')
export class LiftLegalHoldController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
    private readonly files: FileAccess,
  ) {}

  @Requires('retention.manage')
  @Delete()
  @ApiOperation({ summary: 'Lift a legal hold' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: RetentionResponse, description: 'Lifted; once no hold remains and the retention period has ended, the customer is erased' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin)' })
  @ApiResponse({ status: 429, type: ProblemResponse, description: 'Blocked by the bulk guard' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such hold on this customer' })
  async lift(
    @Param() path: LegalHoldPath,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    await this.files.touch(principal, path.customerId, requestIdOf(request));
    const { customerId, holdId } = path;
    const command = { type: 'LiftLegalHold', customerId, holdId, by: actorFor(principal) } as const;
    const outcome = await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.requestBy(principal, requestIdOf(request), command, ifMatchRevision(ifMatch)));
    return retentionAnswer(response, customerId, outcome);
  }
}
