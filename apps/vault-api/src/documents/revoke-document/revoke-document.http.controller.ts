import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { documentAggregate } from '@kluis/document-domain';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { ifMatchRevision } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { ProblemResponse } from '../../shared/http/problem.response';
import { documentAnswer } from '../document-answer';
import { DocumentChanges } from '../document-changes';
import { DocumentResponse } from '../document.response';
import { RevokeDocumentRequest } from './revoke-document.request.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/revocation')
export class RevokeDocumentController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
  ) {}

  @Requires('document.revoke')
  @Post()
  @ApiOperation({ summary: 'Revoke a verified document' })
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: DocumentResponse, description: 'Revoked, even while departments rely on it: their feeds tell them' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin) revokes' })
  @ApiResponse({ status: 409, type: ProblemResponse })
  async revoke(
    @Param() path: DocumentPath,
    @Body() body: RevokeDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const outcome = await this.pipeline.run(documentAggregate, path.documentId, {
      ...this.changes.by(principal, requestIdOf(request), 'revoke', ifMatchRevision(ifMatch)),
      command: { type: 'RevokeDocument', documentId: path.documentId, reason: body.reason, by: actorFor(principal) },
    });
    return documentAnswer(response, outcome, principal);
  }
}
