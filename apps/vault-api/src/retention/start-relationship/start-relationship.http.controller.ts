import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { customerRetentionAggregate } from '@kluis/document-domain';
import { Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { ifMatchRevision } from '../../shared/http/etag';
import { CustomerPath } from '../../shared/http/ids';
import { CustomerRetentionService } from '../customer-retention.service';
import { RetentionResponse } from '../retention.response';
import { retentionAnswer } from '../retention-answer';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/relationship')
export class StartRelationshipController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
  ) {}

  @Requires('retention.manage')
  @Post()
  @ApiOperation({ summary: 'Start or resume a customer relationship' })
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: RetentionResponse, description: 'The relationship is active: no retention clock runs. Starting it again stops a running clock.' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin)' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'The customer was erased' })
  async start(
    @Param() path: CustomerPath,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { customerId } = path;
    const command = { type: 'StartRelationship', customerId, by: actorFor(principal) } as const;
    const outcome = await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.requestBy(principal, requestIdOf(request), command, ifMatchRevision(ifMatch)));
    return retentionAnswer(response, customerId, outcome);
  }
}
