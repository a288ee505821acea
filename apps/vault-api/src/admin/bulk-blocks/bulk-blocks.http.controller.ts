import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BulkGuard, isOwnBlock, Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { forbidden, notFound } from '../../shared/http/problem.exception';
import { BulkBlocksResponse, LiftedBlockResponse } from './bulk-blocks.response';

const SCOPE = /^(?:(?:principal|department):[\x21-\x7e]{1,255}|reviewers)$/;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/bulk-blocks')
export class BulkBlocksController {
  constructor(private readonly bulk: BulkGuard) {}

  @Requires('admin.bulk-blocks')
  @Get()
  @ApiOperation({ summary: "List the bulk guard's blocks" })
  @ApiOkResponse({ type: BulkBlocksResponse, description: 'Principals and departments the bulk guard stopped' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async list() {
    const blocks = await this.bulk.blocks();
    return {
      blocks: blocks.map((block) => ({
        scope: block.scope,
        blockedAt: block.blocked_at,
        distinctCustomers: Number(block.distinct_customers),
        [block.period === 'day' ? 'limitPerDay' : 'limitPerHour']: Number(block.limit_per_hour),
      })),
    };
  }

  @Requires('admin.bulk-blocks')
  @Delete(':scope')
  @ApiOperation({ summary: 'Lift a bulk guard block' })
  @ApiParam({ name: 'scope', example: 'principal:mortgage-desk-7', description: 'principal:<sub>, department:<name> or reviewers (all reviewers together)' })
  @ApiOkResponse({ type: LiftedBlockResponse, description: 'Lifted, after an administrator has looked at it' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Not an administrator, or the block is on yourself' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async lift(@Param('scope') scope: string, @CurrentPrincipal() principal: Principal) {
    if (isOwnBlock(principal, scope)) throw forbidden('Another administrator lifts a block on yourself.');
    if (!SCOPE.test(scope) || !(await this.bulk.lift(scope))) throw notFound();
    return { lifted: scope };
  }
}
