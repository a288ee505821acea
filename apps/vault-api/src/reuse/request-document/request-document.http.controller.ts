import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { Body, Controller, Get, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FileAccess, Requires } from '../../access';
import { DEPARTMENT_POLICIES } from '../../config/config-tokens';
import { ProblemResponse } from '../../shared/http/problem.response';
import { visibleAskKinds } from '../../shared/access/ask-access';
import { isOwner } from '../../shared/access/customer-file-access';
import { admittedDepartment } from '../../shared/access/policy/may';
import { requestIdOf } from '../../shared/access/request-context';
import { CustomerPath } from '../../shared/http/ids';
import { fingerprintOf, IdempotencyService } from '../../idempotency';
import { ListDocumentRequestsQuery } from '../list-document-requests/list-document-requests.query';
import { RequestsResponse } from '../list-document-requests/requests.response';
import { answerOf } from './request-answer';
import { RequestDocumentCommand } from './request-document.command';
import { RequestDocumentRequest } from './request-document.request.dto';
import { AskAnswerResponse } from './ask-answer.response';

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/document-requests')
export class DocumentRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly idempotency: IdempotencyService,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly files: FileAccess,
  ) {}

  @Requires('request.create')
  @Post()
  @ApiOperation({ summary: 'Ask the customer for a kind of document' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AskAnswerResponse, description: 'A new ask to the customer: {id, status: "open", kind, askers, openedAt}' })
  @ApiOkResponse({
    type: AskAnswerResponse,
    description:
      'Already on file: {status: "satisfied", documentId}; or a document of the kind is being checked: {id, status: "in_review", documentId, reviewDueAt}, and your department waits on it; neither asks the customer anything. Or the open ask your department joined',
  })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'dueBy is not a real date, is less than the configured business days ahead, or falls before a pending document is due to be checked' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only departments with requests:write, for kinds their policy allows' })
  async ask(
    @Param() path: CustomerPath,
    @Body() body: RequestDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const asker = admittedDepartment(principal, this.departments).principal;
    const fingerprint = fingerprintOf({ operation: 'request-document', customerId: path.customerId, ...body });
    const answer = await this.idempotency.run(principal, idempotencyKey, fingerprint, async () =>
      answerOf(await this.commands.execute(new RequestDocumentCommand(path.customerId, body, asker, requestIdOf(request)))),
    );
    response.status(answer.status);
    return answer.body;
  }

  @Requires('request.read')
  @Get()
  @ApiOperation({ summary: 'List the asks to a customer' })
  @ApiOkResponse({ type: RequestsResponse, description: 'Open asks first, then the closed ones, with who asks, why and by when' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async list(@Param() path: CustomerPath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    if (!isOwner(principal, path.customerId)) await this.files.touch(principal, path.customerId, requestIdOf(request));
    return this.queries.execute(new ListDocumentRequestsQuery(path.customerId, visibleAskKinds(principal, path.customerId, this.departments)));
  }
}
