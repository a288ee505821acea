import type { ReviewQueueItem, Waiters } from '@kluis/read-models';
import { Query } from '@nestjs/cqrs';

export class ReviewQueueQuery extends Query<{ items: ReviewQueueItem[]; waiters: Map<string, Waiters>; now: Date }> {
  constructor(
    readonly overdueOnly: boolean,
    readonly limit: number,
  ) {
    super();
  }
}
