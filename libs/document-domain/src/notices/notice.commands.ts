import type { NoticeChannel, NoticeIssued } from './notice.events';

/** `noticeId` is derived from the causing event, so issuing the same notice again changes nothing. */
export interface IssueNotice {
  readonly type: 'IssueNotice';
  readonly notice: Omit<NoticeIssued['data'], 'issuedAt'>;
}

export interface SetContactEmail {
  readonly type: 'SetContactEmail';
  readonly customerId: string;
  readonly email: string;
  readonly source: 'customer' | 'token';
}

export interface RecordNoticeDelivered {
  readonly type: 'RecordNoticeDelivered';
  readonly noticeId: string;
  readonly channel: NoticeChannel;
}

export interface RecordNoticeDeliveryFailed {
  readonly type: 'RecordNoticeDeliveryFailed';
  readonly noticeId: string;
  readonly channel: NoticeChannel;
  readonly error: string;
  /** When to try again; null gives up. */
  readonly retryAt: string | null;
}

export type NoticeCommand = IssueNotice | SetContactEmail | RecordNoticeDelivered | RecordNoticeDeliveryFailed;
