import { CurrentPrincipal, hasRole, type Principal } from '@kluis/auth';
import { CHIP_READING_MEDIA_TYPE } from '@kluis/document-domain';
import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FileAccess, Requires } from '../../access';
import { requestIdOf } from '../../shared/access/request-context';
import { pipeline } from 'node:stream/promises';
import { isOwner } from '../../shared/access/customer-file-access';
import { DocumentPath } from '../../shared/http/ids';
import { badRequest, forbidden } from '../../shared/http/problem.exception';
import { viewerOf } from '../../shared/access/viewer';
import { DocumentContentStore } from '../../encryption/document-content-store';
import { downloadFilename } from '../download-filename';
import { ProblemResponse } from '../../shared/http/problem.response';
import { GetDocumentQuery } from '../get-document/get-document.query';
import { attachmentHeader } from './attachment-header';
import { contentWithheld } from './content-withheld';
import { locationCanBeRemoved, withoutLocation } from './image-without-location';
import { GetDocumentContentRequest } from './get-document-content.request.dto';

/**
 * The customer's own download and the reviewer's keep the file exactly as handed in: it is the evidence, and a
 * reviewer may need all of it to judge a document. Anyone else, such as a department, gets an image without
 * where it was taken.
 */
const servedWhole = (principal: Principal, customerId: string) => isOwner(principal, customerId) || hasRole(principal, 'reviewer');

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents/:documentId/content')
export class GetDocumentContentController {
  private readonly logger = new Logger(GetDocumentContentController.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly contents: DocumentContentStore,
    private readonly access: FileAccess,
  ) {}

  @Requires('document.content')
  @Get()
  @ApiOperation({ summary: "Download a document's file" })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')
  @ApiOkResponse({
    description: 'The bytes exactly as uploaded, to the customer and reviewers. Anyone else gets a JPEG, PNG or TIFF without its GPS position and XMP, IPTC or text metadata.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'purpose is missing' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'your department may not download this type, or it is a chip reading (never sent to departments)' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'the file awaits its malware scan, or was removed by it' })
  async download(
    @Param() path: DocumentPath,
    @Query() query: GetDocumentContentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const requestId = requestIdOf(request);
    const { state } = await this.queries.execute(new GetDocumentQuery(path.documentId, principal, 'content', requestId));
    if (!isOwner(principal, state.customerId) && !query.purpose) throw badRequest('purpose', 'State why you need the file.');
    if (state.file.mediaType === CHIP_READING_MEDIA_TYPE && viewerOf(principal, state.customerId) === 'department') {
      throw forbidden('A chip reading holds the face image from the chip; it is never sent to departments. Its facts are in the evidence.');
    }
    const withheld = contentWithheld(state);
    if (withheld) throw withheld;
    await this.access.recordRead(principal, state.customerId, { type: 'DocumentContentRead', documentId: state.documentId, purpose: query.purpose ?? null }, requestId);
    const content = await this.contents.get(state.customerId, state.file.blobKey);
    const removeLocation = !servedWhole(principal, state.customerId) && locationCanBeRemoved(state.file.mediaType);
    response.status(200);
    response.setHeader('Content-Type', state.file.mediaType);
    // Without its location the image is shorter by an amount known only once it has streamed by.
    if (!removeLocation) response.setHeader('Content-Length', String(state.file.size));
    response.setHeader('Content-Disposition', attachmentHeader(downloadFilename(state.file.filename, state.file.mediaType, state.type)));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline(removeLocation ? withoutLocation(content, state.file.mediaType) : content, response);
    } catch (error) {
      // Headers are gone already: cutting the connection is the only honest signal that the bytes are incomplete.
      this.logger.error({ err: error, documentId: path.documentId }, 'content stream failed');
      response.destroy();
    }
  }
}
