import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FileAccess, Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { setEtag } from '../../shared/http/etag';
import { CustomerPath } from '../../shared/http/ids';
import { CustomerRetentionService } from '../customer-retention.service';
import { RetentionResponse } from '../retention.response';
import { retentionView } from '../retention.view';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/retention')
export class GetRetentionController {
  constructor(
    private readonly retention: CustomerRetentionService,
    private readonly files: FileAccess,
  ) {}

  @Requires('retention.manage')
  @Get()
  @ApiOperation({ summary: "Read a customer's retention clock" })
  @ApiOkResponse({ type: RetentionResponse, description: 'Where the customer’s retention clock stands, read from their stream' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only support (admin)' })
  @ApiResponse({ status: 429, type: ProblemResponse, description: 'Blocked by the bulk guard' })
  async get(@Param() path: CustomerPath, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    await this.files.touch(principal, path.customerId, requestIdOf(request));
    const { state, revision } = await this.retention.load(path.customerId);
    if (revision >= 0) setEtag(response, revision);
    return retentionView(path.customerId, state, revision);
  }
}
