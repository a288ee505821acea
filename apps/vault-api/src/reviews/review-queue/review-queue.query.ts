import type { ReviewQueueItem } from '@kluis/read-models';
import { Query } from '@nestjs/cqrs';

export class ReviewQueueQuery extends Query<{ items: ReviewQueueItem[]; now: Date }> {
  constructor(
    readonly overdueOnly: boolean,
    readonly limit: number,
  ) {
    super();
  }
}
