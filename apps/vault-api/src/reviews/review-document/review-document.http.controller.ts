import { CurrentPrincipal, type Principal } from '@kluis/auth';
import type { Facts } from '@kluis/document-domain';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import { documentAnswer, DocumentResponse } from '../../documents';
import { actorFor } from '../../shared/access/customer-file-access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { requiredIfMatch } from '../../shared/http/etag';
import { DocumentPath } from '../../shared/http/ids';
import { ReviewDocumentRequest } from './review-document.request.dto';
import { ReviewDocument, type ReviewVerdict } from './review-document.service';

@ApiTags('verification')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/reviews')
export class ReviewDocumentController {
  constructor(private readonly reviews: ReviewDocument) {}

  @Requires('document.review')
  @Post()
  @ApiOperation({ summary: 'Approve or reject a document' })
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the document as you reviewed it' })
  @ApiCreatedResponse({ type: DocumentResponse, description: 'The review is recorded; the document shows its new status' })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'Missing or malformed facts, reason or message' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only reviewers review' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse, description: "Not awaiting review, your own upload, your second approval, an expired document (DOCUMENT.EXPIRED), or a holder who differs from the customer's verified identity without holderMismatchReason (DOCUMENT.HOLDER_MISMATCH), or a document number and issuing country already verified for another customer (DOCUMENT.NUMBER_IN_USE)" })
  @ApiResponse({ status: 412, type: ProblemResponse })
  @ApiResponse({ status: 428, type: ProblemResponse })
  async review(
    @Param() path: DocumentPath,
    @Body() review: ReviewDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { documentId } = path;
    const by = actorFor(principal);
    const verdict: ReviewVerdict =
      review.decision === 'approve'
        ? { type: 'ApproveDocument', documentId, by, facts: { ...review.facts } as Facts, mrz: review.mrz, holderMismatchReason: review.holderMismatchReason }
        : { type: 'RejectDocument', documentId, by, reasonCode: review.reasonCode!, message: review.message! };
    const outcome = await this.reviews.review(verdict, principal, requestIdOf(request), requiredIfMatch(ifMatch));
    return documentAnswer(response, outcome, principal);
  }
}
