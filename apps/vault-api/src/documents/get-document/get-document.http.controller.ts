import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { viewerOf } from '../../shared/access/viewer';
import { setEtag } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { DocumentResponse, ProblemResponse } from '../document.response';
import { documentView } from '../document.view';
import { GetDocumentQuery } from './get-document.query';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId')
export class GetDocumentController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: DocumentResponse, headers: { ETag: { description: 'The revision, for If-Match' } } })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async get(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { state, revision } = await this.queries.execute(new GetDocumentQuery(path.documentId, principal, 'read'));
    setEtag(response, revision);
    return documentView(state, revision, viewerOf(principal, state.customerId));
  }
}
