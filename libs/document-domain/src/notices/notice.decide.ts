import type { Decider } from '../domain-event';
import type { NoticeCommand } from './notice.commands';
import type { NoticeEvent } from './notice.events';
import { evolveNotices, findNotice, initialNoticesState, type NoticesState } from './notice.state';

/**
 * Every command here may arrive twice (a replay, a crash before a checkpoint, a second attempt after a lost answer);
 * the second time it changes nothing, so the customer is never told the same thing twice.
 */
export function decideNotices(command: NoticeCommand, state: NoticesState, { now }: { now: Date }): NoticeEvent[] {
  const at = now.toISOString();
  switch (command.type) {
    case 'IssueNotice':
      if (findNotice(state, command.notice.noticeId)) return [];
      return [{ type: 'NoticeIssued', data: { ...command.notice, issuedAt: at } }];
    case 'SetContactEmail': {
      // An address the customer chose is never replaced by the one their sign-in happens to carry.
      if (command.source === 'token' && state.email !== null) return [];
      if (command.email === state.email) return [];
      return [{ type: 'ContactEmailSet', data: { customerId: command.customerId, email: command.email, source: command.source, setAt: at } }];
    }
    case 'RecordNoticeDelivered': {
      const record = findNotice(state, command.noticeId);
      if (!record || record.delivery === 'delivered') return [];
      const { customerId } = record.notice;
      return [{ type: 'NoticeDelivered', data: { noticeId: command.noticeId, customerId, channel: command.channel, attempts: record.failedAttempts + 1, deliveredAt: at } }];
    }
    case 'RecordNoticeDeliveryFailed': {
      const record = findNotice(state, command.noticeId);
      if (!record || record.delivery !== 'pending') return [];
      const { customerId } = record.notice;
      return [
        {
          type: 'NoticeDeliveryFailed',
          data: { noticeId: command.noticeId, customerId, channel: command.channel, attempt: record.failedAttempts + 1, error: command.error, retryAt: command.retryAt, failedAt: at },
        },
      ];
    }
  }
}

export const noticesDecider: Decider<NoticeCommand, NoticeEvent, NoticesState, { now: Date }> = {
  initialState: initialNoticesState,
  decide: decideNotices,
  evolve: evolveNotices,
};
