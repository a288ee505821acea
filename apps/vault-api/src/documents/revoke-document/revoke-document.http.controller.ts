import { CurrentPrincipal, hasRole, type Principal } from '@kluis/auth';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { requestIdOf } from '../../shared/access/request-context';
import { ifMatchRevision, setEtag } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { forbidden } from '../../shared/http/problem.exception';
import { DocumentResponse } from '../document.response';
import { ProblemResponse } from '../../shared/http/problem.response';
import { RevokeDocumentCommand } from './revoke-document.command';
import { RevokeDocumentRequest } from './revoke-document.request.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/revocation')
export class RevokeDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
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
    // Refused before any lookup: the answer must not differ between a document that exists and one that does not.
    if (!hasRole(principal, 'admin')) throw forbidden('Only support revokes documents.');
    const document = await this.commands.execute(new RevokeDocumentCommand(path.documentId, body.reason, ifMatchRevision(ifMatch), principal, requestIdOf(request)));
    setEtag(response, document.revision);
    return document;
  }
}
