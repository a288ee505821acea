import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FileAccess, Requires } from '../../access';
import { requestIdOf } from '../../shared/access/request-context';
import { viewerOf } from '../../shared/access/viewer';
import { setEtag } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { DocumentResponse } from '../document.response';
import { ProblemResponse } from '../../shared/http/problem.response';
import { documentView } from '../document.view';
import { GetDocumentQuery } from './get-document.query';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId')
export class GetDocumentController {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: FileAccess,
  ) {}

  @Requires('document.read')
  @Get()
  @ApiOperation({ summary: 'Read a document' })
  @ApiOkResponse({ type: DocumentResponse, description: 'The document, its facts as far as you may see them, and its status', headers: { ETag: { description: 'The revision, for If-Match' } } })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async get(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const requestId = requestIdOf(request);
    const { state, revision } = await this.queries.execute(new GetDocumentQuery(path.documentId, principal, 'read', requestId));
    await this.access.recordRead(principal, state.customerId, { type: 'DocumentRead', documentId: state.documentId, what: 'document' }, requestId);
    setEtag(response, revision);
    return documentView(state, revision, viewerOf(principal, state.customerId));
  }
}
