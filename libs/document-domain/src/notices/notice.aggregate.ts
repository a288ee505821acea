import { defineAggregate } from '../aggregate';
import type { NoticeCommand } from './notice.commands';
import { noticesDecider } from './notice.decide';
import { NOTICE_EVENT_VERSIONS, NOTICE_STREAM_PREFIX, type NoticeEvent } from './notice.events';
import { NOTICE_PERSONAL_FIELDS } from './notice.personal-fields';
import type { NoticesState } from './notice.state';
import { NOTICE_UPCASTERS } from './notice.upcasters';

/** One stream per customer: what they were told, and the address it is mailed to. */
export const noticeAggregate = defineAggregate<NoticeCommand, NoticeEvent, NoticesState, { now: Date }>({
  name: 'notices',
  streamPrefix: NOTICE_STREAM_PREFIX,
  decider: noticesDecider,
  eventVersions: NOTICE_EVENT_VERSIONS,
  upcasters: NOTICE_UPCASTERS,
  personalFields: NOTICE_PERSONAL_FIELDS,
});

export const readNoticeEvent = noticeAggregate.read;
