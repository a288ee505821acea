import type { DomainEvent } from '../domain-event';
import type { Channel, DocumentType, EvidenceKind } from '../document-type';

/*
 * What the customer is told, in a stream of their own: each notice once, whatever replays or crashes happen on the
 * way, and what became of each attempt to deliver it. The stream also keeps the address notices are mailed to.
 */

export const NOTICE_KINDS = ['received', 'rejected', 'requested', 'reminder', 'verified', 'revoked', 'expiring-soon', 'escalated', 'erased'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a notice is about. Sealed under the customer's key: a rejection's wording or a department's purpose is personal. */
export interface NoticeAbout {
  readonly documentType?: DocumentType;
  readonly channel?: Channel;
  readonly reviewDueAt?: string;
  readonly reasonCode?: string;
  readonly message?: string;
  readonly evidenceKind?: EvidenceKind;
  readonly department?: string;
  readonly purpose?: string;
  /** What a department confirmed it will do after an ask went unanswered, as its short code. */
  readonly action?: string;
  readonly dueBy?: string | null;
  readonly validUntil?: string | null;
}

export type NoticeIssued = DomainEvent<
  'NoticeIssued',
  {
    noticeId: string;
    customerId: string;
    kind: NoticeKind;
    /** What the customer quotes when they call: the same for every notice about one document or one ask. */
    reference: string;
    about: NoticeAbout;
    /** The id of the event that caused it. */
    causedBy: string;
    issuedAt: string;
  }
>;

/** How a notice left the vault besides the inbox: mailed, or posted to the bank's own messaging platform. */
export type NoticeChannel = 'email' | 'webhook';

export type ContactEmailSet = DomainEvent<'ContactEmailSet', { customerId: string; email: string; source: 'customer' | 'token'; setAt: string }>;

export type NoticeDelivered = DomainEvent<'NoticeDelivered', { noticeId: string; customerId: string; channel: NoticeChannel; attempts: number; deliveredAt: string }>;

/** `retryAt` is null once every attempt failed: the notice stays in the inbox, and support sees it was not delivered. */
export type NoticeDeliveryFailed = DomainEvent<
  'NoticeDeliveryFailed',
  { noticeId: string; customerId: string; channel: NoticeChannel; attempt: number; error: string; retryAt: string | null; failedAt: string }
>;

export type NoticeEvent = NoticeIssued | ContactEmailSet | NoticeDelivered | NoticeDeliveryFailed;
export type NoticeEventType = NoticeEvent['type'];

export const NOTICE_EVENT_VERSIONS: Readonly<Record<NoticeEventType, number>> = {
  NoticeIssued: 1,
  ContactEmailSet: 1,
  NoticeDelivered: 1,
  NoticeDeliveryFailed: 1,
};

export const NOTICE_STREAM_PREFIX = 'notices-';
export const noticeStream = (customerId: string) => `${NOTICE_STREAM_PREFIX}${customerId}`;
