import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { departmentFeed, type ReadModelDatabase } from '@kluis/read-models';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { BulkGuard, FeedReadRecorder, Requires } from '../../access';
import { DEPARTMENT_POLICIES } from '../../config/config-tokens';
import { ProblemResponse } from '../../shared/http/problem.response';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { admittedDepartment } from '../../shared/access/policy/may';
import { requestIdOf } from '../../shared/access/request-context';
import { visibleToPolicy } from './feed-visibility';
import { ReadFeedRequest } from './read-feed.request.dto';

class FeedEntryResponse {
  @ApiProperty({ description: 'Resume after this' }) position!: number;
  @ApiProperty({ example: 'DocumentRequestSatisfied' }) type!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: String, nullable: true }) documentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

class FeedResponse {
  @ApiProperty({ type: [FeedEntryResponse] }) entries!: FeedEntryResponse[];
  @ApiProperty({ description: 'Pass as ?after= to continue' }) next!: number;
}

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/feed')
export class ReadFeedController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly bulk: BulkGuard,
    private readonly reads: FeedReadRecorder,
  ) {}

  @Requires('feed.read')
  @Get()
  @ApiOperation({ summary: "Read your department's feed" })
  @ApiOkResponse({
    type: FeedResponse,
    description: "What happened to the documents your department relies on or asked for; only your department's, and only the types and kinds its policy lets it see. Needs evidence:read. Each customer sees in their access log, once a day, that your feed carried their events.",
  })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Not a department with evidence:read' })
  @ApiResponse({ status: 429, type: ProblemResponse, description: 'Rate limited, or blocked by the bulk guard' })
  async feed(@Query() request: ReadFeedRequest, @CurrentPrincipal() principal: Principal, @Req() http: Request) {
    const { principal: department, policy } = admittedDepartment(principal, this.departments);
    await this.bulk.assertNotBlocked(principal);
    const after = request.after ?? 0;
    const page = await departmentFeed(this.db, department.department, after, request.limit ?? 100);
    const entries = page.filter((entry) => visibleToPolicy(entry, policy));
    await this.reads.record(department, entries.map((entry) => entry.customerId), requestIdOf(http));
    return { entries, next: page.at(-1)?.position ?? after };
  }
}
