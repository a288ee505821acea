import type { NoticeSettings } from '../../config/notice-settings';
import type { WebhookEndpoint } from '../../config/webhook-config';
import { postSigned } from '../../webhooks';
import { NoticeNotSent, type NoticeSender, type Outgoing } from './notice-sender';

const TIMEOUT_MS = 10_000;

/**
 * Posts each notice to the bank's own messaging platform, signed as department webhooks are (X-Kluis-Signature),
 * with the notice id as X-Kluis-Delivery. It carries what a mail carries and the customer's id, never what the
 * notice says in the inbox: the platform tells the customer to sign in.
 */
export function webhookSender(endpoint: WebhookEndpoint, settings: Pick<NoticeSettings, 'signInUrl'>): NoticeSender {
  const stopping = new AbortController();
  return {
    channel: 'webhook',
    needsAddress: false,
    send: async ({ notice }: Outgoing) => {
      const { reviewDueAt, dueBy, validUntil } = notice.about;
      const body = JSON.stringify({
        id: notice.noticeId,
        customerId: notice.customerId,
        kind: notice.kind,
        reference: notice.reference,
        issuedAt: notice.issuedAt,
        ...(reviewDueAt ? { reviewDueAt } : {}),
        ...(dueBy ? { dueBy } : {}),
        ...(validUntil ? { validUntil } : {}),
        signInUrl: settings.signInUrl,
      });
      const attempt = await postSigned(endpoint, body, { 'X-Kluis-Delivery': notice.noticeId }, { timeoutMs: TIMEOUT_MS, now: new Date(), signal: stopping.signal });
      if (!attempt.delivered) throw new NoticeNotSent(attempt.error);
    },
    close: () => stopping.abort(),
  };
}
