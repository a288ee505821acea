import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { documentAggregate } from '@kluis/document-domain';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { requiredIfMatch } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { ProblemResponse } from '../../shared/http/problem.response';
import { documentAnswer } from '../document-answer';
import { DocumentChanges } from '../document-changes';
import { DocumentResponse } from '../document.response';
import { DisputeDocumentRequest } from './dispute-document.request.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/disputes')
export class DisputeDocumentController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
  ) {}

  @Requires('document.dispute')
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Say the facts read from my document are wrong' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the document as you last read it' })
  @ApiOkResponse({ type: DocumentResponse, description: 'Back with a reviewer, due by reviewDueAt; no department relies on its facts until a reviewer has looked again, and those that did are told' })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'DOCUMENT.FACT_NOT_ON_FILE: a field the bank did not read from this document' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'DOCUMENT.NOT_DISPUTABLE: only the facts of a verified document can be disputed' })
  @ApiResponse({ status: 412, type: ProblemResponse })
  @ApiResponse({ status: 428, type: ProblemResponse })
  async dispute(
    @Param() path: DocumentPath,
    @Body() body: DisputeDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const outcome = await this.pipeline.run(documentAggregate, path.documentId, {
      ...this.changes.by(principal, requestIdOf(request), 'dispute', requiredIfMatch(ifMatch)),
      command: { type: 'DisputeFacts', documentId: path.documentId, fields: body.fields, message: body.message, by: actorFor(principal) },
    });
    return documentAnswer(response, outcome, principal);
  }
}
