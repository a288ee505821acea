import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { FileAccess, Requires } from '../../access';
import { requestIdOf } from '../../shared/access/request-context';
import { viewerOf } from '../../shared/access/viewer';
import { DocumentPath } from '../../shared/http/ids';
import { HistoryResponse } from '../document.response';
import { ProblemResponse } from '../../shared/http/problem.response';
import { GetDocumentQuery } from '../get-document/get-document.query';
import { documentTimeline } from './document-timeline';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/history')
export class GetDocumentHistoryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: FileAccess,
  ) {}

  @Requires('document.history')
  @Get()
  @ApiOperation({ summary: "Read a document's history" })
  @ApiOkResponse({ type: HistoryResponse, description: 'Every step, oldest first' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async history(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const requestId = requestIdOf(request);
    const { state, events } = await this.queries.execute(new GetDocumentQuery(path.documentId, principal, 'history', requestId));
    await this.access.recordRead(principal, state.customerId, { type: 'DocumentRead', documentId: state.documentId, what: 'history' }, requestId);
    return { history: documentTimeline(events, viewerOf(principal, state.customerId)) };
  }
}
