import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { DeadLettersResponse } from '../dead-letter.response';
import { ListDeadLettersQuery } from './list-dead-letters.query';
import { ListDeadLettersRequest } from './list-dead-letters.request.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/webhook-dead-letters')
export class ListDeadLettersController {
  constructor(private readonly queries: QueryBus) {}

  @Requires('admin.webhook-dead-letters')
  @Get()
  @ApiOperation({ summary: 'List feed entries a webhook refused' })
  @ApiOkResponse({ type: DeadLettersResponse, description: "Feed entries a department's webhook did not accept after every attempt, in feed order" })
  @ApiResponse({ status: 400, type: ProblemResponse })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only administrators' })
  async list(@Query() request: ListDeadLettersRequest): Promise<DeadLettersResponse> {
    return { deadLetters: await this.queries.execute(new ListDeadLettersQuery(request.department, request.limit ?? 100)) };
  }
}
