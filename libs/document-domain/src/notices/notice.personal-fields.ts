import type { PersonalFields } from '../aggregate';
import type { NoticeEvent } from './notice.events';

/** What a notice is about (a rejection's wording, a department's purpose) and where it is mailed. */
export const NOTICE_PERSONAL_FIELDS: PersonalFields<NoticeEvent> = {
  NoticeIssued: [{ path: 'about', absent: {} }],
  ContactEmailSet: [{ path: 'email', absent: '' }],
  NoticeDelivered: [],
  NoticeDeliveryFailed: [],
};
