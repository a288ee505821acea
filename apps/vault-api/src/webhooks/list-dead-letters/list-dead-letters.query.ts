import type { WebhookDeadLetter } from '@kluis/read-models';
import { Query } from '@nestjs/cqrs';

export class ListDeadLettersQuery extends Query<WebhookDeadLetter[]> {
  constructor(
    /** Every department's when undefined. */
    readonly department: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
