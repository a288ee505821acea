import type { RequestNotice } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';

/** A notice about an ask as the people involved read it: what it was, how it went out, and whether it arrived. */
export interface RequestNoticeView extends RequestNotice {
  /** `delivered`, `failed` (every attempt failed), `sending`, or `inbox` when it is only in the customer's inbox. */
  readonly state: 'delivered' | 'failed' | 'sending' | 'inbox';
}

/**
 * The notices the customer was sent about one ask, read from the customer's notice stream: each notice is issued
 * once with a reference derived from the ask's id, and each delivery by mail is recorded after it. An ask whose
 * notices were never delivered has none that count, so nothing can be escalated on a notice nobody received.
 */
@Injectable()
export class RequestNotices {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async noticesFor(customerId: string, requestId: string): Promise<RequestNoticeView[]> {
    const { events } = await this.store.readStream(`${NOTICE_STREAM_PREFIX}${customerId}`);
    const reference = noticeReference(requestId);
    const notices = new Map<string, RequestNoticeView>();
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const noticeId = typeof data.noticeId === 'string' ? data.noticeId : null;
      if (!noticeId) continue;
      if (event.type === 'NoticeIssued' && data.reference === reference && ASK_TOPICS.has(String(data.kind))) {
        notices.set(noticeId, { noticeId, topic: String(data.kind), channel: 'inbox', state: 'inbox', sentAt: String(data.issuedAt), deliveredAt: null });
      }
      const notice = notices.get(noticeId);
      if (notice) notices.set(noticeId, withDelivery(notice, event, data));
    }
    return [...notices.values()];
  }
}

const NOTICE_STREAM_PREFIX = 'notices-';
/** Notices that tell the customer of the ask itself, or remind them of it. */
const ASK_TOPICS = new Set(['requested', 'reminder']);

/** The reference a customer quotes, the same on every notice about one ask. */
const noticeReference = (id: string): string => `K-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

function withDelivery(notice: RequestNoticeView, event: RecordedEvent, data: Record<string, unknown>): RequestNoticeView {
  const channel = typeof data.channel === 'string' ? data.channel : notice.channel;
  if (event.type === 'NoticeDelivered') return { ...notice, channel, state: 'delivered', deliveredAt: String(data.deliveredAt) };
  if (event.type === 'NoticeDeliveryFailed' && notice.state !== 'delivered') return { ...notice, channel, state: data.retryAt === null ? 'failed' : 'sending' };
  return notice;
}
