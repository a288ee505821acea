import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { customerRetentionAggregate } from '@kluis/document-domain';
import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { FileAccess, Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { CustomerPath } from '../../shared/http/ids';
import { CustomerRetentionService } from '../customer-retention.service';
import { PlacedLegalHoldResponse } from '../retention.response';
import { retentionAnswer } from '../retention-answer';
import { PlaceLegalHoldRequest } from './place-legal-hold.request.dto';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/legal-holds')
export class PlaceLegalHoldController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
    private readonly files: FileAccess,
  ) {}

  @Requires('retention.manage')
  @Post()
  @ApiOperation({ summary: 'Place a legal hold on a customer' })
  @ApiCreatedResponse({ type: PlacedLegalHoldResponse, description: 'Nothing of the customer is erased while the hold is in force, whatever the retention clock says' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin)' })
  @ApiResponse({ status: 429, type: ProblemResponse, description: 'Blocked by the bulk guard' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'The customer was erased already' })
  async place(
    @Param() path: CustomerPath,
    @Body() body: PlaceLegalHoldRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.files.touch(principal, path.customerId, requestIdOf(request));
    const { customerId } = path;
    const holdId = randomUUID();
    const command = { type: 'PlaceLegalHold', customerId, holdId, reason: body.reason, caseRef: body.caseRef, by: actorFor(principal) } as const;
    const outcome = await this.pipeline.run(customerRetentionAggregate, customerId, this.retention.requestBy(principal, requestIdOf(request), command));
    const retention = retentionAnswer(response, customerId, outcome);
    const hold = retention.legalHolds.find((candidate) => candidate.id === holdId)!;
    return { ...hold, retention };
  }
}
