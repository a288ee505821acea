import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AccessRecorder, Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { Clock } from '../../infrastructure/clock';
import { requestIdOf } from '../../shared/access/request-context';
import { DocumentContentStore } from '../../encryption/document-content-store';
import { ProblemException } from '../../shared/http/problem.exception';
import { exportArchive } from './export-archive';
import { type ExportFormat, ExportMyDataRequest } from './export-my-data.request.dto';
import { PersonalDataExportResponse } from './export-my-data.response';
import { PersonalDataExporter } from './personal-data-export';

/** An export reads every document and file of the customer: a handful an hour is plenty for a person. */
const EXPORTS_PER_HOUR = 12;
const HOUR_MS = 60 * 60 * 1000;

const MEDIA_TYPES: Record<string, ExportFormat> = { 'application/json': 'json', 'application/zip': 'zip' };

/** `?format=` wins; otherwise the Accept header chooses, and no Accept at all means JSON. */
function formatOf(query: ExportMyDataRequest, request: Request): ExportFormat {
  if (query.format) return query.format;
  const accepted = request.accepts(Object.keys(MEDIA_TYPES));
  if (accepted) return MEDIA_TYPES[accepted];
  throw new ProblemException(406, 'REQUEST.NOT_ACCEPTABLE', 'Not acceptable', 'The export is application/json or application/zip; ask for one of them, or pass ?format=json or ?format=zip.');
}

function downloadHeaders(response: Response, contentType: string, filename: string): void {
  response.status(200);
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
}

@ApiTags('me')
@ApiBearerAuth()
@ApiExtraModels(PersonalDataExportResponse)
@Controller('v1/me/export')
export class ExportMyDataController {
  private readonly logger = new Logger(ExportMyDataController.name);

  constructor(
    private readonly exporter: PersonalDataExporter,
    private readonly contents: DocumentContentStore,
    private readonly recorder: AccessRecorder,
    private readonly clock: Clock,
  ) {}

  @Requires('me.export')
  @Get()
  @ApiOperation({ summary: 'Export everything the bank holds on me' })
  @Throttle({ default: { limit: EXPORTS_PER_HOUR, ttl: HOUR_MS } })
  @ApiProduces('application/json', 'application/zip')
  @ApiOkResponse({
    description:
      'Everything the bank holds on you (GDPR Art. 15): your documents with their facts, references and history, the ' +
      'bank\'s requests, and your whole access log. JSON, or with ?format=zip or Accept: application/zip a zip of ' +
      '`export.json` (the same, plus where each file is) and `files/<documentId>-<name>.<ext>`, the files as you handed them in. ' +
      'An erased file is not in the zip, and `export.json` says so. Each export is written to your access log.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PersonalDataExportResponse) } },
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'only customers have data of their own to export' })
  @ApiResponse({ status: 406, type: ProblemResponse, description: 'the Accept header allows neither JSON nor zip' })
  @ApiResponse({ status: 429, type: ProblemResponse, description: `more than ${EXPORTS_PER_HOUR} exports in an hour` })
  async export(@Query() query: ExportMyDataRequest, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = formatOf(query, request);
    const now = this.clock.now();
    const { data, files } = await this.exporter.collect(principal.sub, now);
    await this.recorder.record(principal, principal.sub, { type: 'PersonalDataExported', format }, requestIdOf(request));
    const filename = `kluis-export-${now.toISOString().slice(0, 10)}.${format}`;
    if (format === 'json') {
      downloadHeaders(response, 'application/json; charset=utf-8', filename);
      response.send(JSON.stringify(data));
      return;
    }
    downloadHeaders(response, 'application/zip', filename);
    try {
      await pipeline(exportArchive(data, files, this.contents, now), response);
    } catch (error) {
      // Headers are gone already: cutting the connection is the only honest signal that the archive is incomplete.
      this.logger.error({ err: error }, 'export archive failed');
      response.destroy();
    }
  }
}
