import { assertNever, NOTICE_STREAM_PREFIX, readNoticeEvent } from '@kluis/document-domain';
import type { Projection } from '../projection/projection';

/**
 * The outbox of notices to mail: a notice enters when it is issued and leaves when its delivery is recorded, so a
 * notice issued just before a crash is still mailed after it, and one already delivered is not mailed again.
 */
export const noticeOutboxProjection: Projection = {
  name: 'notice-outbox',
  streamPrefixes: [NOTICE_STREAM_PREFIX],
  async apply(trx, recorded) {
    const event = readNoticeEvent(recorded.type, recorded.version, recorded.data);
    switch (event.type) {
      case 'NoticeIssued':
        await trx
          .insertInto('notice_outbox')
          .values({ notice_id: event.data.noticeId, customer_id: event.data.customerId, position: recorded.position, state: 'pending', attempts: 0, retry_at: event.data.issuedAt })
          .onConflict((conflict) => conflict.column('notice_id').doNothing())
          .execute();
        return;
      case 'NoticeDelivered':
        await trx.deleteFrom('notice_outbox').where('notice_id', '=', event.data.noticeId).execute();
        return;
      case 'NoticeDeliveryFailed':
        await trx
          .updateTable('notice_outbox')
          .set(event.data.retryAt === null ? { state: 'failed', attempts: event.data.attempt } : { attempts: event.data.attempt, retry_at: event.data.retryAt })
          .where('notice_id', '=', event.data.noticeId)
          .execute();
        return;
      case 'ContactEmailSet':
        return;
      default:
        return assertNever(event);
    }
  },
  async reset(trx) {
    await trx.deleteFrom('notice_outbox').execute();
  },
};
