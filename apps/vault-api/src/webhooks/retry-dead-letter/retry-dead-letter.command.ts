import { Command } from '@nestjs/cqrs';
import type { RetriedDeadLetter } from '../webhook-delivery.service';

export class RetryDeadLetterCommand extends Command<RetriedDeadLetter> {
  constructor(readonly id: string) {
    super();
  }
}
