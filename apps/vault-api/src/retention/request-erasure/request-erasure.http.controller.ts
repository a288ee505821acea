import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { customerRetentionAggregate, ErasureRefused } from '@kluis/document-domain';
import { departmentsThatReliedOn, type ReadModelDatabase } from '@kluis/read-models';
import { Controller, HttpCode, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { actorFor } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { CustomerErasure } from '../customer-erasure';
import { CustomerRetentionService } from '../customer-retention.service';
import { MyRetentionResponse } from '../retention.response';
import { myRetentionView } from '../retention.view';
import { erasureRefusedProblem } from './erasure-refused.problem';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/erasure-request')
export class RequestErasureController {
  private readonly logger = new Logger(RequestErasureController.name);

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly retention: CustomerRetentionService,
    private readonly erasure: CustomerErasure,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  @Requires('me.erasure')
  @Post()
  @ApiOperation({ summary: 'Ask for my data to be erased' })
  @HttpCode(200)
  @ApiOkResponse({ type: MyRetentionResponse, description: 'Erased: you were never a customer (or your retention period ended), so nothing of yours is kept' })
  @ApiAcceptedResponse({ type: MyRetentionResponse, description: 'Erasure decided and under way; it completes shortly' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only a customer asks for their own erasure' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'The law keeps your records: the answer names it (legalBasis), why (ground) and until when (retainedUntil)' })
  async request(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const customerId = principal.sub;
    const reliedOnBy = await departmentsThatReliedOn(this.db, customerId);
    const command = { type: 'RequestErasure', customerId, reliedOnBy, by: actorFor(principal) } as const;
    const outcome = await this.pipeline
      .run(customerRetentionAggregate, customerId, this.retention.requestBy(principal, requestIdOf(request), command))
      .catch((error: unknown) => {
        throw error instanceof ErasureRefused ? erasureRefusedProblem(error) : error;
      });
    if (!(await this.finish(customerId, outcome.caughtUp))) response.status(202);
    return myRetentionView((await this.retention.load(customerId)).state);
  }

  /** The erasure is decided once recorded; when finishing it here fails, the retention process finishes it. */
  private async finish(customerId: string, caughtUp: boolean): Promise<boolean> {
    if (!caughtUp) return false;
    try {
      await this.erasure.complete(customerId);
      return true;
    } catch (error) {
      this.logger.error({ err: error, customerId }, 'erasure recorded but not finished; the retention process will finish it');
      return false;
    }
  }
}
