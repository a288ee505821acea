import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { findRequest, type ReadModelDatabase } from '@kluis/read-models';
import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { FileAccess, Requires } from '../../access';
import { DEPARTMENT_POLICIES } from '../../config/config-tokens';
import { ProblemResponse } from '../../shared/http/problem.response';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { RequestNotices } from '../../requests';
import { assertMaySeeAsk } from '../../shared/access/ask-access';
import { isOwner } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { notFound } from '../../shared/http/problem.exception';
import { DocumentRequestPath } from '../escalate-request/escalation.path';
import { requestViews } from '../list-document-requests/request.view';
import { RequestResponse } from '../list-document-requests/requests.response';

class RequestNoticeResponse {
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty({ example: 'requested', description: '`requested` for the ask itself, `reminder` for a reminder' }) topic!: string;
  @ApiProperty({ example: 'email', description: '`inbox` while it was only put in the customer\'s inbox' }) channel!: string;
  @ApiProperty({ enum: ['delivered', 'failed', 'sending', 'inbox'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

class DocumentRequestResponse extends RequestResponse {
  @ApiProperty({ type: [RequestNoticeResponse], description: 'Every notice the customer was sent about this ask' }) notices!: RequestNoticeResponse[];
}

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/document-requests/:requestId')
export class GetDocumentRequestController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly clock: Clock,
    private readonly files: FileAccess,
    private readonly notices: RequestNotices,
  ) {}

  @Requires('request.read')
  @Get()
  @ApiOperation({ summary: 'Read an ask and the notices sent for it' })
  @ApiOkResponse({ type: DocumentRequestResponse, description: 'The ask with every notice sent for it, its channel and delivery state' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'Not an ask you may see: only the customer, the asking departments and reviewers see it' })
  async get(@Param() path: DocumentRequestPath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const ask = await findRequest(this.db, path.requestId);
    if (!ask) throw notFound();
    assertMaySeeAsk(principal, ask, this.departments);
    if (!isOwner(principal, ask.customerId)) await this.files.touch(principal, ask.customerId, requestIdOf(request));
    const [view] = await requestViews(this.db, ask.customerId, [ask], this.clock.now().toISOString().slice(0, 10));
    return { ...view, notices: await this.notices.noticesFor(ask.customerId, ask.id) };
  }
}
