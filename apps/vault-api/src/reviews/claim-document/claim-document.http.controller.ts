import { CurrentPrincipal, hasRole, type Principal } from '@kluis/auth';
import { Controller, Delete, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DocumentResponse } from '../../documents';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { ifMatchRevision, setEtag } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { forbidden } from '../../shared/http/problem.exception';
import { ClaimDocumentCommand } from './claim-document.command';

@ApiTags('verification')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/claim')
export class ClaimDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: DocumentResponse, description: 'Yours to review until the lease ends; claiming again renews it' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Another reviewer holds it, or it no longer awaits review' })
  claim(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('if-match') ifMatch?: string) {
    return this.run(path.documentId, 'claim', principal, request, response, ifMatch);
  }

  @Delete()
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: DocumentResponse, description: 'Back in the queue for anyone' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Another reviewer holds it' })
  release(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('if-match') ifMatch?: string) {
    return this.run(path.documentId, 'release', principal, request, response, ifMatch);
  }

  private async run(documentId: string, intent: 'claim' | 'release', principal: Principal, request: Request, response: Response, ifMatch: string | undefined) {
    if (!hasRole(principal, 'reviewer')) throw forbidden('Only reviewers claim documents.');
    const document = await this.commands.execute(new ClaimDocumentCommand(documentId, intent, ifMatchRevision(ifMatch), principal, requestIdOf(request)));
    setEtag(response, document.revision);
    return document;
  }
}
