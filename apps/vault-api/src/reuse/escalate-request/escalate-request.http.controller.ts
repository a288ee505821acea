import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Requires } from '../../access';
import { DEPARTMENT_POLICIES } from '../../config/config-tokens';
import { ProblemResponse } from '../../shared/http/problem.response';
import { admittedDepartment } from '../../shared/access/policy/may';
import { requestIdOf } from '../../shared/access/request-context';
import { ConfirmEscalationCommand, ProposeEscalationCommand } from './escalate-request.command';
import { EscalateRequestRequest } from './escalate-request.request.dto';
import { DocumentRequestPath, EscalationPath } from './escalation.path';

class EscalationResponse {
  @ApiProperty({ format: 'uuid' }) escalationId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ example: 'restrict-account' }) action!: string;
  @ApiProperty({ enum: ['awaiting_confirmation', 'confirmed'] }) status!: string;
}

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/document-requests/:requestId/escalations')
export class EscalateRequestController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
  ) {}

  @Requires('request.escalate')
  @Post()
  @ApiOperation({ summary: 'Propose escalating an overdue ask' })
  @ApiCreatedResponse({ type: EscalationResponse, description: 'Recorded, waiting for a second officer of your department to confirm it' })
  @ApiResponse({
    status: 409,
    type: ProblemResponse,
    description:
      'REQUEST.ESCALATION_REFUSED with one entry in errors per unmet condition: status (the ask is no longer open), documents (one is in review or verified), dueBy (not passed), notices (no delivered ask and reminder), noticePeriod (too soon after the first notice)',
  })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No ask of your department under this id' })
  propose(@Param() path: DocumentRequestPath, @Body() body: EscalateRequestRequest, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.commands.execute(new ProposeEscalationCommand(path.requestId, body, this.asker(principal), requestIdOf(request)));
  }

  @Requires('request.escalate')
  @Post(':escalationId/confirmation')
  @ApiOperation({ summary: 'Confirm an escalation as the second officer' })
  @HttpCode(200)
  @ApiOkResponse({ type: EscalationResponse, description: 'Confirmed by a second officer: the department may act, and the customer is told' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'REQUEST.ESCALATION_NEEDS_SECOND_OFFICER: the officer who proposed it cannot confirm it' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  confirm(@Param() path: EscalationPath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.commands.execute(new ConfirmEscalationCommand(path.requestId, path.escalationId, this.asker(principal), requestIdOf(request)));
  }

  private asker(principal: Principal): Principal & { department: string } {
    return admittedDepartment(principal, this.departments).principal;
  }
}
