export { NoticeMailer } from './deliver-notices/notice-mailer.service';
export { NoticeResponse, noticeView } from './my-notices/notice.view';
export { readNotices } from './read-notices';
