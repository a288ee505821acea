import { CHANNELS, DOCUMENT_STATUSES, DOCUMENT_TYPES } from '@kluis/document-domain';
import type { ReviewQueueItem, Waiters } from '@kluis/read-models';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { ReviewQueueQuery } from './review-queue.query';
import { ReviewQueueRequest } from './review-queue.request.dto';

class ReviewQueueItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'How long it has waited, in whole minutes' }) waitingMinutes!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Who gave the first of two approvals' }) firstApprovalBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reviewer working on it now, if any' }) claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When that claim lapses' }) claimedUntil!: string | null;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: [String], example: ['investments'], description: 'Departments whose ask waits on this review instead of asking the customer' }) waitingDepartments!: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The earliest date a waiting department needs it by' }) neededBy!: string | null;
}

class ReviewQueueResponse {
  @ApiProperty({ type: [ReviewQueueItemResponse] }) items!: ReviewQueueItemResponse[];
}

/** Metadata only: the queue spans customers, so it never carries facts or content. */
const activeClaim = (item: ReviewQueueItem, now: Date) => (item.claim && Date.parse(item.claim.until) > now.getTime() ? item.claim : null);

const queueItem = (item: ReviewQueueItem, waiters: Waiters | undefined, now: Date) => ({
  id: item.id,
  customerId: item.customerId,
  type: item.type,
  status: item.status,
  channel: item.channel,
  submittedAt: item.submittedAt,
  dueAt: item.reviewDueAt,
  overdue: item.overdue,
  waitingMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(item.submittedAt)) / 60_000)),
  firstApprovalBy: item.firstApprovalBy,
  claimedBy: activeClaim(item, now)?.by ?? null,
  claimedUntil: activeClaim(item, now)?.until ?? null,
  revision: item.revision,
  waitingDepartments: waiters?.departments ?? [],
  neededBy: waiters?.neededBy ?? null,
});

@ApiTags('verification')
@ApiBearerAuth()
@Controller('v1/review-queue')
export class ReviewQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Requires('review.queue')
  @Get()
  @ApiOperation({ summary: 'List the documents waiting for review' })
  @ApiOkResponse({ type: ReviewQueueResponse, description: 'Documents waiting for a review, oldest first' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async queue(@Query() request: ReviewQueueRequest) {
    const { items, waiters, now } = await this.queries.execute(new ReviewQueueQuery(request.overdue ?? false, request.limit ?? 100));
    return { items: items.map((item) => queueItem(item, waiters.get(item.id), now)) };
  }
}
