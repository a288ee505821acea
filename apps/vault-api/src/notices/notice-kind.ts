import { NOTICE_EVENT_VERSIONS, type NoticeCommand, type NoticeEvent, type NoticesState, noticeStream, noticesDecider, readNoticeEvent } from '@kluis/document-domain';
import type { EventStore } from '@kluis/event-store';
import type { AggregateKind } from '../shared/event-sourcing/command-runner';

/** A customer's notices live in one stream, named for the customer. */
export const noticeKind: AggregateKind<NoticeCommand, NoticeEvent, NoticesState, { now: Date }> = {
  decider: noticesDecider,
  streamName: noticeStream,
  read: (recorded) => readNoticeEvent(recorded.type, recorded.version, recorded.data),
  schemaVersion: (event) => NOTICE_EVENT_VERSIONS[event.type],
};

/** What the customer's notice stream says now: their address, and each notice with its delivery. */
export async function readNotices(store: EventStore, customerId: string): Promise<NoticesState> {
  const { events } = await store.readStream(noticeKind.streamName(customerId));
  return events.map(noticeKind.read).reduce(noticeKind.decider.evolve, noticeKind.decider.initialState);
}
