import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { viewerOf } from '../../shared/access/viewer';
import { DocumentPath } from '../../shared/http/ids';
import { HistoryResponse, ProblemResponse } from '../document.response';
import { GetDocumentQuery } from '../get-document/get-document.query';
import { documentTimeline } from './document-timeline';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/history')
export class GetDocumentHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: HistoryResponse, description: 'Every step, oldest first' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async history(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal) {
    const { state, events } = await this.queries.execute(new GetDocumentQuery(path.documentId, principal, 'history'));
    return { history: documentTimeline(events, viewerOf(principal, state.customerId)) };
  }
}
