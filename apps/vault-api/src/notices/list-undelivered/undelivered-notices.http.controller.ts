import { type ReadModelDatabase, undeliveredNotices } from '@kluis/read-models';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { READ_MODEL_DB } from '../../infrastructure/tokens';

const LIMIT = 100;

class UndeliveredNoticeResponse {
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty({ example: 'C-1001' }) customerId!: string;
  @ApiProperty({ example: 8 }) attempts!: number;
}

class UndeliveredNoticesResponse {
  @ApiProperty({ type: [UndeliveredNoticeResponse], description: `Oldest first, at most ${LIMIT}` }) notices!: UndeliveredNoticeResponse[];
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/undelivered-notices')
export class UndeliveredNoticesController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  @Requires('admin.undelivered-notices')
  @Get()
  @ApiOperation({ summary: 'List notices that could not be delivered' })
  @ApiOkResponse({ type: UndeliveredNoticesResponse, description: 'Notices every attempt to mail or post failed for: the customer has them in the inbox only, so support can reach them another way' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only administrators' })
  async list(): Promise<UndeliveredNoticesResponse> {
    return { notices: await undeliveredNotices(this.db, LIMIT) };
  }
}
