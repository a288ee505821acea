import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { customerRetentionAggregate } from '@kluis/document-domain';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
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
import { EndRelationshipRequest } from './end-relationship.request.dto';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/relationship/end')
export class EndRelationshipController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
  ) {}

  @Requires('retention.manage')
  @Post()
  @ApiOperation({ summary: 'End a customer relationship' })
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: RetentionResponse, description: 'The retention clock runs: the records are kept until retainedUntil, then erased' })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'endedOn is not a date, lies in the future or before the start' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin)' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'No active relationship to end, or the customer was erased' })
  async end(
    @Param() path: CustomerPath,
    @Body() body: EndRelationshipRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { customerId } = path;
    const command = { type: 'EndRelationship', customerId, endedOn: body.endedOn, by: actorFor(principal) } as const;
    const outcome = await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.requestBy(principal, requestIdOf(request), command, ifMatchRevision(ifMatch)));
    return retentionAnswer(response, customerId, outcome);
  }
}
