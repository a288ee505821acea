import { assertNever } from '../assert-never';
import type { NoticeEvent, NoticeIssued } from './notice.events';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface NoticeRecord {
  readonly notice: NoticeIssued['data'];
  readonly delivery: DeliveryState;
  readonly failedAttempts: number;
  readonly retryAt: string | null;
}

export interface NoticesState {
  readonly customerId: string | null;
  readonly email: string | null;
  /** Oldest first. */
  readonly notices: readonly NoticeRecord[];
}

export const initialNoticesState: NoticesState = { customerId: null, email: null, notices: [] };

export function evolveNotices(state: NoticesState, event: NoticeEvent): NoticesState {
  switch (event.type) {
    case 'NoticeIssued':
      return {
        ...state,
        customerId: event.data.customerId,
        notices: [...state.notices, { notice: event.data, delivery: 'pending', failedAttempts: 0, retryAt: null }],
      };
    case 'ContactEmailSet':
      return { ...state, customerId: event.data.customerId, email: event.data.email };
    case 'NoticeDelivered':
      return withNotice(state, event.data.noticeId, (record) => ({ ...record, delivery: 'delivered', retryAt: null }));
    case 'NoticeDeliveryFailed':
      return withNotice(state, event.data.noticeId, (record) => ({
        ...record,
        delivery: event.data.retryAt === null ? 'failed' : 'pending',
        failedAttempts: event.data.attempt,
        retryAt: event.data.retryAt,
      }));
    default:
      return assertNever(event);
  }
}

export const findNotice = (state: NoticesState, noticeId: string): NoticeRecord | undefined => state.notices.find((record) => record.notice.noticeId === noticeId);

function withNotice(state: NoticesState, noticeId: string, change: (record: NoticeRecord) => NoticeRecord): NoticesState {
  return { ...state, notices: state.notices.map((record) => (record.notice.noticeId === noticeId ? change(record) : record)) };
}
