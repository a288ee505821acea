import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { documentAggregate } from '@kluis/document-domain';
import { Controller, Delete, Headers, Param, Req, Res } from '@nestjs/common';
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

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId')
export class WithdrawDocumentController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
  ) {}

  @Requires('document.withdraw')
  @Delete()
  @ApiOperation({ summary: 'Withdraw a document' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the document as you last read it' })
  @ApiOkResponse({ type: DocumentResponse, description: 'Withdrawn. It stays in the history; nobody can rely on it any more.' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse })
  @ApiResponse({ status: 412, type: ProblemResponse })
  @ApiResponse({ status: 428, type: ProblemResponse })
  async withdraw(
    @Param() path: DocumentPath,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const outcome = await this.pipeline.run(documentAggregate, path.documentId, {
      ...this.changes.by(principal, requestIdOf(request), 'withdraw', requiredIfMatch(ifMatch)),
      command: { type: 'WithdrawDocument', documentId: path.documentId, by: actorFor(principal) },
    });
    return documentAnswer(response, outcome, principal);
  }
}
