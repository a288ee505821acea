import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { documentAggregate } from '@kluis/document-domain';
import { Controller, Delete, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import type { ReviewConfig } from '../../config/config-slices';
import { REVIEW_CONFIG } from '../../config/config-tokens';
import { documentAnswer, DocumentChanges, DocumentResponse } from '../../documents';
import { actorFor } from '../../shared/access/customer-file-access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { ifMatchRevision } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';

@ApiTags('verification')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/claim')
export class ClaimDocumentController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly changes: DocumentChanges,
    @Inject(REVIEW_CONFIG) private readonly reviews: ReviewConfig,
  ) {}

  @Requires('document.claim')
  @Post()
  @ApiOperation({ summary: 'Claim a document to review' })
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: DocumentResponse, description: 'Yours to review until the lease ends; claiming again renews it' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Another reviewer holds it, or it no longer awaits review' })
  claim(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('if-match') ifMatch?: string) {
    return this.run(path.documentId, 'claim', principal, request, response, ifMatch);
  }

  @Requires('document.claim')
  @Delete()
  @ApiOperation({ summary: 'Release a claimed document' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: DocumentResponse, description: 'Back in the queue for anyone' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Another reviewer holds it' })
  release(@Param() path: DocumentPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('if-match') ifMatch?: string) {
    return this.run(path.documentId, 'release', principal, request, response, ifMatch);
  }

  private async run(documentId: string, intent: 'claim' | 'release', principal: Principal, request: Request, response: Response, ifMatch: string | undefined) {
    const by = actorFor(principal);
    const outcome = await this.pipeline.run(documentAggregate, documentId, {
      ...this.changes.by(principal, requestIdOf(request), 'read', ifMatchRevision(ifMatch)),
      command: intent === 'claim' ? { type: 'ClaimDocument', documentId, by, leaseMinutes: this.reviews.claimMinutes } : { type: 'ReleaseClaim', documentId, by },
    });
    return documentAnswer(response, outcome, principal);
  }
}
