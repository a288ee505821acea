import { type NoticeEvent, noticeReference, noticeStream, readNoticeEvent, type RequestNotice } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';

/** A notice about an ask as the people involved read it: what it was, how it went out, and whether it arrived. */
export interface RequestNoticeView extends RequestNotice {
  /** `delivered`, `failed` (every attempt failed), `sending`, or `inbox` when it is only in the customer's inbox. */
  readonly state: 'delivered' | 'failed' | 'sending' | 'inbox';
}

/** Notices that tell the customer of the ask itself, or remind them of it. */
const ASK_TOPICS: ReadonlySet<string> = new Set(['requested', 'reminder']);

/**
 * The notices the customer was sent about one ask, read from the customer's notice stream: each notice is issued
 * once with a reference derived from the ask's id, and each delivery by mail is recorded after it. An ask whose
 * notices were never delivered has none that count, so nothing can be escalated on a notice nobody received.
 */
@Injectable()
export class RequestNotices {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async noticesFor(customerId: string, requestId: string): Promise<RequestNoticeView[]> {
    const { events } = await this.store.readStream(noticeStream(customerId));
    const reference = noticeReference(requestId);
    const notices = new Map<string, RequestNoticeView>();
    for (const recorded of events) {
      const event = readNoticeEvent(recorded.type, recorded.version, recorded.data);
      if (event.type === 'NoticeIssued' && event.data.reference === reference && ASK_TOPICS.has(event.data.kind)) {
        const { noticeId, kind, issuedAt } = event.data;
        notices.set(noticeId, { noticeId, topic: kind, channel: 'inbox', state: 'inbox', sentAt: issuedAt, deliveredAt: null });
      } else if (event.type === 'NoticeDelivered' || event.type === 'NoticeDeliveryFailed') {
        const notice = notices.get(event.data.noticeId);
        if (notice) notices.set(notice.noticeId, withDelivery(notice, event));
      }
    }
    return [...notices.values()];
  }
}

function withDelivery(notice: RequestNoticeView, event: Extract<NoticeEvent, { type: 'NoticeDelivered' | 'NoticeDeliveryFailed' }>): RequestNoticeView {
  const { channel } = event.data;
  if (event.type === 'NoticeDelivered') return { ...notice, channel, state: 'delivered', deliveredAt: event.data.deliveredAt };
  if (notice.state === 'delivered') return notice;
  return { ...notice, channel, state: event.data.retryAt === null ? 'failed' : 'sending' };
}
