import type { EscalationHindrance } from './document-request.errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A notice sent to the customer about an ask, as the notices process records it. */
export interface RequestNotice {
  readonly noticeId: string;
  /** `requested` for the ask itself, `reminder` for a reminder before the due date. */
  readonly topic: string;
  readonly channel: string;
  readonly sentAt: string;
  /** When delivery was recorded; null while it is not. */
  readonly deliveredAt: string | null;
}

/** What the vault knows, beyond the ask itself, when a department wants to escalate. */
export interface EscalationFacts {
  readonly askStillOpen: boolean;
  /** A document of the kind is in review or verified: the customer has done their part, or the bank has. */
  readonly documentOnFile: boolean;
  /** The department's own due date. */
  readonly dueBy: string | null;
  readonly notices: readonly RequestNotice[];
  /** How many days must pass after the first notice before anything may be done against the customer. */
  readonly noticeDays: number;
}

/** The customer has done their part, or the bank has: nothing may be done against them. */
export const DOCUMENT_ON_FILE: EscalationHindrance = { field: 'documents', message: 'A document of the kind asked for is in review or verified.' };

/**
 * Why the bank may not act against the customer yet. Empty only when the ask is open, nothing of the kind is on
 * file or in review, the due date has passed, the customer was sent the ask and a reminder that were both
 * delivered, and the notice period since the first delivered notice has run out.
 */
export function escalationHindrances(facts: EscalationFacts, now: Date): EscalationHindrance[] {
  const today = now.toISOString().slice(0, 10);
  const hindrances: EscalationHindrance[] = [];
  if (!facts.askStillOpen) hindrances.push({ field: 'status', message: 'The ask is no longer open.' });
  if (facts.documentOnFile) hindrances.push(DOCUMENT_ON_FILE);
  if (facts.dueBy === null) hindrances.push({ field: 'dueBy', message: 'Your ask has no due date, so it cannot have passed.' });
  else if (facts.dueBy >= today) hindrances.push({ field: 'dueBy', message: `The due date ${facts.dueBy} has not passed.` });
  const delivered = facts.notices.filter((notice) => notice.deliveredAt !== null);
  const askDelivered = delivered.some((notice) => notice.topic === 'requested');
  const reminderDelivered = delivered.some((notice) => notice.topic === 'reminder');
  if (!askDelivered || !reminderDelivered) {
    const missing = [askDelivered ? null : 'the ask', reminderDelivered ? null : 'a reminder'].filter(Boolean).join(' and ');
    hindrances.push({ field: 'notices', message: `No delivery is recorded of ${missing} to the customer.` });
  }
  // The period runs from the first notice that reached the customer: one left unread in an inbox she may never
  // open starts nothing.
  const first = delivered.map((notice) => notice.deliveredAt as string).sort()[0];
  if (first === undefined || now.getTime() - Date.parse(first) < facts.noticeDays * DAY_MS) {
    hindrances.push({ field: 'noticePeriod', message: `${facts.noticeDays} days have not passed since the customer was first told.` });
  }
  return hindrances;
}
