import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { accessLog, type ReadModelDatabase } from '@kluis/read-models';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { accessLogEntryView } from './access-log-entry.view';
import { AccessLogRequest } from './access-log.request.dto';

export class AccessLogEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'DocumentContentRead' }) type!: string;
  @ApiProperty({ example: 'the mandates department' }) who!: string;
  @ApiProperty({ example: 'downloaded a document' }) what!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Registering the mandate M-77' }) purpose!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) documentId!: string | null;
  @ApiPropertyOptional({ description: 'Refused attempts by the same principal within the same hour, shown as one entry', example: 3 }) attempts?: number;
}

class AccessLogResponse {
  @ApiProperty({ type: [AccessLogEntryResponse], description: 'Newest first' }) entries!: AccessLogEntryResponse[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Pass as ?before= for older entries; null at the end' }) next!: number | null;
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/access-log')
export class AccessLogController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  @Requires('me.access-log')
  @Get()
  @ApiOperation({ summary: 'Read who read my data, when and why' })
  @ApiOkResponse({ type: AccessLogResponse, description: 'Who read your documents or evidence about you, when and why. Nobody can change or delete it.' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async log(@Query() request: AccessLogRequest, @CurrentPrincipal() principal: Principal) {
    const limit = request.limit ?? 50;
    const entries = await accessLog(this.db, principal.sub, { before: request.before, limit });
    return { entries: entries.map((entry) => accessLogEntryView(entry, principal.sub)), next: entries.length === limit ? entries[entries.length - 1].position : null };
  }
}
