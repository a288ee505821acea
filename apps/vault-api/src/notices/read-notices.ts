import { noticeAggregate, type NoticesState } from '@kluis/document-domain';
import type { EventStore } from '@kluis/event-store';
import { loadStream } from '../shared/event-sourcing/load-stream';

/** What the customer's notice stream says now: their address, and each notice with its delivery. */
export async function readNotices(store: EventStore, customerId: string): Promise<NoticesState> {
  return (await loadStream(store, noticeAggregate, customerId)).state;
}
