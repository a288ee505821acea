import { listRequests, type ReadModelDatabase } from '@kluis/read-models';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { ListDocumentRequestsQuery } from './list-document-requests.query';
import { requestViews, type RequestsView } from './request.view';

@QueryHandler(ListDocumentRequestsQuery)
export class ListDocumentRequestsHandler implements IQueryHandler<ListDocumentRequestsQuery, RequestsView> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ customerId, kinds }: ListDocumentRequestsQuery): Promise<RequestsView> {
    const requests = await listRequests(this.db, customerId, kinds);
    return { requests: await requestViews(this.db, customerId, requests, this.clock.now().toISOString().slice(0, 10)) };
  }
}
