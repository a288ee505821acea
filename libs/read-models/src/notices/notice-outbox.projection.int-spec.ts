import { type NoticeEvent, noticeStream } from '@kluis/document-domain';
import { inStream, projectionSpec } from '../testing';
import { noticeOutboxProjection } from './notice-outbox.projection';

const spec = projectionSpec(noticeOutboxProjection);
const customerId = 'C-outbox';
const notices = (...events: NoticeEvent[]) => inStream(noticeStream(customerId), ...events);

const issued = (noticeId: string): NoticeEvent => ({
  type: 'NoticeIssued',
  data: { noticeId, customerId, kind: 'received', reference: `REF-${noticeId}`, about: { documentType: 'passport' }, causedBy: `cause-${noticeId}`, issuedAt: '2026-11-02T09:00:00.000Z' },
});
const failed = (noticeId: string, attempt: number, retryAt: string | null): NoticeEvent => ({
  type: 'NoticeDeliveryFailed',
  data: { noticeId, customerId, channel: 'email', attempt, error: 'mailbox full', retryAt, failedAt: '2026-11-02T09:05:00.000Z' },
});

describe('the notice outbox projection', () => {
  it('holds an issued notice until its delivery is recorded', async () => {
    await spec
      .given(notices(issued('n-1'), issued('n-2'), { type: 'NoticeDelivered', data: { noticeId: 'n-1', customerId, channel: 'email', attempts: 1, deliveredAt: '2026-11-02T09:01:00.000Z' } }))
      .then({ notice_outbox: [{ notice_id: 'n-2', customer_id: customerId, state: 'pending', attempts: 0, retry_at: '2026-11-02T09:00:00.000Z' }] });
  });

  it('schedules a retry after a failed attempt, and gives up when no retry is left', async () => {
    await spec
      .given(notices(issued('n-1'), issued('n-2'), failed('n-1', 1, '2026-11-02T09:10:00.000Z'), failed('n-2', 5, null)))
      .then({
        notice_outbox: [
          { notice_id: 'n-1', state: 'pending', attempts: 1, retry_at: '2026-11-02T09:10:00.000Z' },
          { notice_id: 'n-2', state: 'failed', attempts: 5, retry_at: '2026-11-02T09:00:00.000Z' },
        ],
      });
  });

  it('ignores a contact address, which is no notice to mail', async () => {
    await spec.given(notices({ type: 'ContactEmailSet', data: { customerId, email: 'maria@example.test', source: 'customer', setAt: '2026-11-02T08:00:00.000Z' } })).then({ notice_outbox: [] });
  });
});
