import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { FileAccess, Requires } from '../../access';
import { DocumentResponse, documentView, type DocumentView } from '../../documents';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { viewerOf } from '../../shared/access/viewer';
import { setEtag } from '../../shared/http/etag';
import { CustomerPath } from '../../shared/http/ids';
import { fingerprintOf, IdempotencyService } from '../../idempotency';
import { chipReadingRefused, type ChipRefusal, refusalOf } from './chip-reading-refused.problem';
import { RecordChipReadingCommand } from './record-chip-reading.command';
import { RecordChipReadingRequest } from './record-chip-reading.request.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/chip-readings')
export class RecordChipReadingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: FileAccess,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Requires('document.chip-reading')
  @Post()
  @ApiOperation({ summary: 'Record a passport or ID card chip reading' })
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first answer, 201 or 422, for a repeated request' })
  @ApiCreatedResponse({
    type: DocumentResponse,
    description:
      'Passive authentication passed: the document is `verified` at `assurance: "chip"`; or it passed but its holder differs from the verified identity on file, and it waits for a reviewer (`pending_review`)',
  })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'The body is not a chip reading (names the field)' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Departments do not file chip readings' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such customer file visible to you' })
  @ApiResponse({
    status: 422,
    type: ProblemResponse,
    description: 'Passive authentication failed; `code` says why (CHIP.HASH_MISMATCH, CHIP.SIGNATURE_INVALID, CHIP.UNKNOWN_CSCA, CHIP.DSC_EXPIRED, CHIP.DSC_REVOKED, CHIP.MALFORMED, CHIP.DG1_MISSING…). The reading is kept for a reviewer, with `documentId` and `steps`, and is never evidence.',
  })
  @ApiResponse({ status: 503, type: ProblemResponse, description: 'No CSCA trust store is configured; nothing is stored' })
  async record(
    @Param() path: CustomerPath,
    @Body() body: RecordChipReadingRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DocumentView> {
    const requestId = requestIdOf(request);
    await this.access.assert(principal, { customerId: path.customerId }, 'chip-reading', requestId);
    const dataGroups = new Map(Object.entries(body.dataGroups).map(([number, content]) => [Number(number), new Uint8Array(Buffer.from(content, 'base64'))]));
    const fingerprint = fingerprintOf({ operation: 'chip-reading', customerId: path.customerId, ...body });
    // A refused reading is kept too, so its 422 is an answer to replay, not an error that frees the key.
    const answer = await this.idempotency.run<DocumentView | ChipRefusal>(principal, idempotencyKey, fingerprint, async () => {
      const outcome = await this.commands.execute(
        new RecordChipReadingCommand(
          randomUUID(),
          path.customerId,
          new Uint8Array(Buffer.from(body.sod, 'base64')),
          dataGroups,
          body.chipAuthentication,
          principal,
          requestId,
        ),
      );
      if (!outcome.verdict.passed) return { status: 422, body: refusalOf(outcome.document.documentId, outcome.verdict) };
      return { status: 201, body: documentView(outcome.document, outcome.revision, viewerOf(principal, path.customerId)) };
    });
    if (answer.status === 422) throw chipReadingRefused(answer.body as ChipRefusal);
    const document = answer.body as DocumentView;
    setEtag(response, document.revision);
    response.setHeader('Location', `/v1/documents/${document.id}`);
    return document;
  }
}
