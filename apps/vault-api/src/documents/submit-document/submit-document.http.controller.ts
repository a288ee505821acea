import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Headers, HttpCode, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { FileAccess, Requires } from '../../access';
import { isOwner } from '../../shared/access/customer-file-access';
import { viewerOf } from '../../shared/access/viewer';
import { setEtag } from '../../shared/http/etag';
import { CustomerPath } from '../../shared/http/ids';
import { fingerprintOf, IdempotencyService } from '../../idempotency';
import { requestIdOf } from '../../shared/access/request-context';
import { invalidFields, validationErrorsToFields } from '../../shared/http/validation.pipe';
import { ProblemResponse } from '../../shared/http/problem.response';
import { DocumentResponse } from '../document.response';
import { documentView, type DocumentView } from '../document.view';
import { assertIntakeClaims } from './intake-claims';
import { SubmitDocumentCommand } from './submit-document.command';
import { SubmitDocumentBody, SubmitDocumentRequest } from './submit-document.request.dto';
import { type ReceivedUpload, UploadReceiver } from './upload-receiver';
import { UploadMetricsInterceptor } from './upload-metrics.interceptor';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/documents')
export class SubmitDocumentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly uploads: UploadReceiver,
    private readonly idempotency: IdempotencyService,
    private readonly access: FileAccess,
  ) {}

  @Requires('document.submit')
  @Post()
  @ApiOperation({ summary: 'Upload a document for a customer' })
  @HttpCode(201)
  @UseInterceptors(UploadMetricsInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SubmitDocumentBody })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first answer for a repeated request' })
  @ApiCreatedResponse({ type: DocumentResponse, description: 'A new document, waiting for review (pending_review), or held until the malware scanner can check it (pending_scan)' })
  @ApiOkResponse({ type: DocumentResponse, description: 'The same bytes were already on file for this customer and type' })
  @ApiResponse({ status: 400, type: ProblemResponse })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'A customer claimed channel=branch or named related customers, which only staff at intake may' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such customer file visible to you' })
  @ApiResponse({ status: 413, type: ProblemResponse })
  @ApiResponse({ status: 415, type: ProblemResponse })
  @ApiResponse({ status: 422, type: ProblemResponse, description: 'The malware scan found something harmful, an image is damaged, cut off or has too many pixels (nothing is stored), or an Idempotency-Key was reused for another request' })
  async submit(
    @Param() path: CustomerPath,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DocumentView> {
    const requestId = requestIdOf(request);
    await this.access.assert(principal, { customerId: path.customerId }, 'submit', requestId);
    const upload = await this.uploads.receive(request, path.customerId);
    try {
      const fields = await validUploadFields(upload);
      await this.access.assert(principal, { customerId: path.customerId, type: fields.type }, 'submit', requestId);
      assertIntakeClaims(principal, path.customerId, fields);
      const fingerprint = fingerprintOf({ operation: 'submit-document', customerId: path.customerId, ...fields, sha256: upload.blob.sha256 });
      let blobUsed = false;
      const answer = await this.idempotency.run(principal, idempotencyKey, fingerprint, async () => {
        const outcome = await this.commands.execute(
          new SubmitDocumentCommand(
            randomUUID(),
            path.customerId,
            fields.type,
            fields.channel ?? (isOwner(principal, path.customerId) ? 'online' : 'branch'),
            fields.relatedCustomerIds ?? [],
            upload,
            principal,
            requestId,
          ),
        );
        blobUsed = outcome.blobUsed;
        return { status: outcome.created ? 201 : 200, body: documentView(outcome.document, outcome.revision, viewerOf(principal, path.customerId)) };
      });
      if (!blobUsed) await this.uploads.discard(upload);
      response.status(answer.status);
      setEtag(response, answer.body.revision);
      response.setHeader('Location', `/v1/documents/${answer.body.id}`);
      return answer.body;
    } catch (error) {
      await this.uploads.discard(upload);
      throw error;
    }
  }
}

async function validUploadFields(upload: ReceivedUpload): Promise<SubmitDocumentRequest> {
  const fields = plainToInstance(SubmitDocumentRequest, upload.fields);
  const errors = await validate(fields, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw invalidFields(validationErrorsToFields(errors));
  return fields;
}
