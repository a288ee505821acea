import { Module } from '@nestjs/common';
import { ListDeadLettersHandler } from './list-dead-letters/list-dead-letters.handler';
import { ListDeadLettersController } from './list-dead-letters/list-dead-letters.http.controller';
import { RetryDeadLetterHandler } from './retry-dead-letter/retry-dead-letter.handler';
import { RetryDeadLetterController } from './retry-dead-letter/retry-dead-letter.http.controller';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Each department's feed pushed to its own endpoint, signed, retried, with dead letters for administrators. */
@Module({
  controllers: [ListDeadLettersController, RetryDeadLetterController],
  providers: [WebhookDeliveryService, ListDeadLettersHandler, RetryDeadLetterHandler],
})
export class WebhooksModule {}
