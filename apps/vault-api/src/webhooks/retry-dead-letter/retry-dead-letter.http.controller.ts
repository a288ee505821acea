import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { UUID_PATTERN } from '../../shared/http/ids';
import { notFound, ProblemException } from '../../shared/http/problem.exception';
import { RetriedDeadLetterResponse } from '../dead-letter.response';
import { NoWebhookForDepartmentError, WebhookDeadLetterNotFoundError } from '../webhook.errors';
import type { RetriedDeadLetter } from '../webhook-delivery.service';
import { RetryDeadLetterCommand } from './retry-dead-letter.command';

class DeadLetterPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  id!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/webhook-dead-letters/:id/retry')
export class RetryDeadLetterController {
  constructor(private readonly commands: CommandBus) {}

  @Requires('admin.webhook-dead-letters')
  @Post()
  @ApiOperation({ summary: 'Send a dead letter again' })
  @HttpCode(200)
  @ApiOkResponse({ type: RetriedDeadLetterResponse, description: 'Sent once more, at once, and accepted: the dead letter is gone' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only administrators' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'Its department has no webhook configured any more' })
  @ApiResponse({ status: 502, type: ProblemResponse, description: 'The endpoint did not accept it again; the dead letter stays, with this attempt counted' })
  async retry(@Param() path: DeadLetterPath): Promise<RetriedDeadLetterResponse> {
    let retried: RetriedDeadLetter;
    try {
      retried = await this.commands.execute(new RetryDeadLetterCommand(path.id));
    } catch (error) {
      if (error instanceof WebhookDeadLetterNotFoundError) throw notFound();
      if (error instanceof NoWebhookForDepartmentError) throw new ProblemException(409, error.code, 'No webhook configured', `The ${error.department} department has no webhook configured; nothing was sent.`);
      throw error;
    }
    const { id, department, position, attempt } = retried;
    if (!attempt.delivered) {
      throw new ProblemException(502, 'WEBHOOK.DELIVERY_FAILED', 'The endpoint did not accept it', `Sent again, but ${attempt.error}. The dead letter stays.`, undefined, {
        lastStatus: attempt.status,
        lastError: attempt.error,
      });
    }
    return { id, department, position, delivered: true, status: attempt.status };
  }
}
