import { specFor } from '../testing';
import type { NoticeCommand } from './notice.commands';
import { noticesDecider } from './notice.decide';
import type { NoticeEvent, NoticeIssued } from './notice.events';

const now = new Date('2026-12-07T10:00:00.000Z');
const given = specFor(noticesDecider, () => ({ now }));
const customerId = 'C-1001';

const draft: Omit<NoticeIssued['data'], 'issuedAt'> = {
  noticeId: '0b7d2c3e-8f1a-5b6c-9d0e-1f2a3b4c5d6e',
  customerId,
  kind: 'received',
  reference: 'K-0B7D2C3E',
  about: { documentType: 'id-card', channel: 'branch', reviewDueAt: '2026-12-14T10:00:00.000Z' },
  causedBy: 'cause-1',
};
const issued: NoticeEvent = { type: 'NoticeIssued', data: { ...draft, issuedAt: '2026-12-07T09:00:00.000Z' } };
const issue: NoticeCommand = { type: 'IssueNotice', notice: draft };
const failed = (attempt: number, retryAt: string | null): NoticeEvent => ({
  type: 'NoticeDeliveryFailed',
  data: { noticeId: draft.noticeId, customerId, channel: 'email', attempt, error: 'ECONNREFUSED', retryAt, failedAt: '2026-12-07T09:01:00.000Z' },
});

describe('notices', () => {
  it('issues a notice once', () => given().when(issue).then([{ type: 'NoticeIssued', data: { ...draft, issuedAt: now.toISOString() } }]));

  it('issues nothing when the same cause is seen again', () => given(issued).when(issue).then([]));

  it('records a delivery with the attempts it took', () =>
    given(issued, failed(1, '2026-12-07T09:02:00.000Z'))
      .when({ type: 'RecordNoticeDelivered', noticeId: draft.noticeId, channel: 'email' })
      .then([{ type: 'NoticeDelivered', data: { noticeId: draft.noticeId, customerId, channel: 'email', attempts: 2, deliveredAt: now.toISOString() } }]));

  it('records a delivery once, however often the mail goes out', () =>
    given(issued, { type: 'NoticeDelivered', data: { noticeId: draft.noticeId, customerId, channel: 'email', attempts: 1, deliveredAt: now.toISOString() } })
      .when({ type: 'RecordNoticeDelivered', noticeId: draft.noticeId, channel: 'email' })
      .then([]));

  it('counts failed attempts', () =>
    given(issued, failed(1, '2026-12-07T09:02:00.000Z'))
      .when({ type: 'RecordNoticeDeliveryFailed', noticeId: draft.noticeId, channel: 'email', error: 'ECONNREFUSED', retryAt: null })
      .then([failed(2, null)].map((event) => ({ ...event, data: { ...event.data, failedAt: now.toISOString() } })) as NoticeEvent[]));

  it('records nothing more for a notice it gave up on', () =>
    given(issued, failed(1, null)).when({ type: 'RecordNoticeDeliveryFailed', noticeId: draft.noticeId, channel: 'email', error: 'ECONNREFUSED', retryAt: null }).then([]));

  it('ignores deliveries of notices it never issued', () => given().when({ type: 'RecordNoticeDelivered', noticeId: draft.noticeId, channel: 'email' }).then([]));

  it('keeps the address the customer chose over the one in their sign-in', () =>
    given({ type: 'ContactEmailSet', data: { customerId, email: 'maria@example.nl', source: 'customer', setAt: '2026-12-01T00:00:00.000Z' } })
      .when({ type: 'SetContactEmail', customerId, email: 'other@example.nl', source: 'token' })
      .then([]));

  it('takes the address in the sign-in when none was set', () =>
    given()
      .when({ type: 'SetContactEmail', customerId, email: 'maria@example.nl', source: 'token' })
      .then([{ type: 'ContactEmailSet', data: { customerId, email: 'maria@example.nl', source: 'token', setAt: now.toISOString() } }]));

  it('lets the customer change their address', () =>
    given({ type: 'ContactEmailSet', data: { customerId, email: 'maria@example.nl', source: 'token', setAt: '2026-12-01T00:00:00.000Z' } })
      .when({ type: 'SetContactEmail', customerId, email: 'm.devries@example.nl', source: 'customer' })
      .then([{ type: 'ContactEmailSet', data: { customerId, email: 'm.devries@example.nl', source: 'customer', setAt: now.toISOString() } }]));
});
