import { listWebhookDeadLetters, type ReadModelDatabase, type WebhookDeadLetter } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { ListDeadLettersQuery } from './list-dead-letters.query';

@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery, WebhookDeadLetter[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  execute({ department, limit }: ListDeadLettersQuery): Promise<WebhookDeadLetter[]> {
    return listWebhookDeadLetters(this.db, { department, limit });
  }
}
