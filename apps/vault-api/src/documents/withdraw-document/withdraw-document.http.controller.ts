import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Delete, Headers, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { requestIdOf } from '../../shared/access/request-context';
import { requiredIfMatch, setEtag } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { DocumentResponse } from '../document.response';
import { ProblemResponse } from '../../shared/http/problem.response';
import { WithdrawDocumentCommand } from './withdraw-document.command';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId')
export class WithdrawDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
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
    const document = await this.commands.execute(new WithdrawDocumentCommand(path.documentId, requiredIfMatch(ifMatch), principal, requestIdOf(request)));
    setEtag(response, document.revision);
    return document;
  }
}
