import { type ReadModelDatabase, reviewQueue, type ReviewQueueItem, waitersOn, type Waiters } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { ReviewQueueQuery } from './review-queue.query';

@QueryHandler(ReviewQueueQuery)
export class ReviewQueueHandler implements IQueryHandler<ReviewQueueQuery, { items: ReviewQueueItem[]; waiters: Map<string, Waiters>; now: Date }> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly clock: Clock,
  ) {}

  async execute(query: ReviewQueueQuery) {
    const now = this.clock.now();
    const items = await reviewQueue(this.db, { now, overdueOnly: query.overdueOnly, limit: query.limit });
    return { items, waiters: await waitersOn(this.db, items.map((item) => item.id)), now };
  }
}
