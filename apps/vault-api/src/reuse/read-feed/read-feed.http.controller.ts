import { CurrentPrincipal, departmentPolicyOf, type Principal } from '@kluis/auth';
import { departmentFeed, type ReadModelDatabase } from '@kluis/read-models';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { ProblemResponse } from '../../documents/document.response';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { forbidden } from '../../shared/http/problem.exception';
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
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: FeedResponse, description: "What happened to the documents your department relies on or asked for; only your department's" })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async feed(@Query() request: ReadFeedRequest, @CurrentPrincipal() principal: Principal) {
    if (!departmentPolicyOf(principal, this.config.departments)) throw forbidden('The feed is for departments.');
    const after = request.after ?? 0;
    const entries = await departmentFeed(this.db, principal.department!, after, request.limit ?? 100);
    return { entries, next: entries.at(-1)?.position ?? after };
  }
}
