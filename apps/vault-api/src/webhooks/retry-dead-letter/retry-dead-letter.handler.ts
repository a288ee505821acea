import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RetriedDeadLetter, WebhookDeliveryService } from '../webhook-delivery.service';
import { RetryDeadLetterCommand } from './retry-dead-letter.command';

@CommandHandler(RetryDeadLetterCommand)
export class RetryDeadLetterHandler implements ICommandHandler<RetryDeadLetterCommand, RetriedDeadLetter> {
  constructor(private readonly webhooks: WebhookDeliveryService) {}

  execute({ id }: RetryDeadLetterCommand): Promise<RetriedDeadLetter> {
    return this.webhooks.retry(id);
  }
}
