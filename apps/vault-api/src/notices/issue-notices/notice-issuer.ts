import { noticeAggregate, type NoticeDraft } from '@kluis/document-domain';
import type { EventStore } from '@kluis/event-store';
import { CustomerErasedError } from '../../shared/erasure/customer-erased.error';
import { runCommand } from '../../shared/event-sourcing/run-command';
import { systemMetadata } from '../../shared/event-sourcing/system-metadata';
import { noticeIdFor } from '../notice-id';

/**
 * Adds a notice to the customer's stream, once: the id comes from the cause, and the aggregate ignores an id it
 * already holds. An erased customer is told nothing new: there is no key left to seal it under.
 */
export async function issueNotice(store: EventStore, draft: NoticeDraft, now: Date, causation: { id: string; correlationId: string }): Promise<void> {
  const metadata = { ...systemMetadata('notices', now), causationId: causation.id, correlationId: causation.correlationId, subject: draft.customerId };
  const notice = { ...draft, noticeId: noticeIdFor(draft.causedBy, draft.kind) };
  try {
    await runCommand(store, noticeAggregate, draft.customerId, { command: { type: 'IssueNotice', notice }, context: { now }, metadata });
  } catch (error) {
    if (!(error instanceof CustomerErasedError)) throw error;
  }
}
