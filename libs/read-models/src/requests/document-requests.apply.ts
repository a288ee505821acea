import { assertNever, type DocumentRequestEvent, earliestDueDate } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import { tell } from '../documents/department-feed';
import type { EscalationView } from '../documents/reuse.queries';

type Trx = Transaction<ReadModelSchema>;

const newRow = (data: { requestId: string; customerId: string; kind: string; department: string; purpose: string; dueBy: string | null; requestedAt: string }) => ({
  request_id: data.requestId,
  customer_id: data.customerId,
  kind: data.kind,
  askers: JSON.stringify([{ department: data.department, purpose: data.purpose, dueBy: data.dueBy, at: data.requestedAt }]),
  due_by: data.dueBy,
  opened_at: data.requestedAt,
  satisfied_at: null,
  document_id: null,
  sent_after_rejection: null,
  escalations: '[]',
});

/** The bank's asks as people read them; a department waiting on a document hears what becomes of its ask. */
export async function applyRequestEvent(trx: Trx, event: DocumentRequestEvent, recorded: RecordedEvent): Promise<void> {
  switch (event.type) {
    case 'DocumentRequested':
      await trx.insertInto('document_requests').values({ ...newRow(event.data), status: 'open', waiting_on: null, review_due_at: null }).execute();
      return;
    case 'DocumentRequestAwaitingReview':
      await trx
        .insertInto('document_requests')
        .values({ ...newRow(event.data), status: 'in_review', waiting_on: event.data.documentId, review_due_at: event.data.reviewDueAt })
        .execute();
      return;
    case 'DocumentRequestJoined': {
      const { requestId, department, purpose, dueBy, joinedAt } = event.data;
      const row = await trx.selectFrom('document_requests').select(['askers', 'due_by']).where('request_id', '=', requestId).executeTakeFirstOrThrow();
      const askers = [...(JSON.parse(row.askers) as object[]), { department, purpose, dueBy, at: joinedAt }];
      await trx.updateTable('document_requests').set({ askers: JSON.stringify(askers), due_by: earliestDueDate([row.due_by, dueBy]) }).where('request_id', '=', requestId).execute();
      return;
    }
    case 'DocumentRequestSentToCustomer': {
      const { requestId, customerId, kind, rejectedDocumentId, reasonCode, message, departments, sentAt } = event.data;
      const rejection = { documentId: rejectedDocumentId, reasonCode, message, at: sentAt };
      await trx
        .updateTable('document_requests')
        .set({ status: 'open', waiting_on: null, review_due_at: null, sent_after_rejection: JSON.stringify(rejection) })
        .where('request_id', '=', requestId)
        .execute();
      await tell(trx, departments, recorded, { type: event.type, customerId, documentId: rejectedDocumentId, requestId, at: sentAt, detail: { kind, reasonCode } });
      return;
    }
    case 'DocumentRequestSatisfied': {
      const { requestId, customerId, documentId, departments, satisfiedAt, kind } = event.data;
      await trx
        .updateTable('document_requests')
        .set({ status: 'satisfied', satisfied_at: satisfiedAt, document_id: documentId, waiting_on: null })
        .where('request_id', '=', requestId)
        .execute();
      await tell(trx, departments, recorded, { type: event.type, customerId, documentId, requestId, at: satisfiedAt, detail: { kind } });
      return;
    }
    case 'EscalationProposed': {
      const { requestId, escalationId, department, action, purpose, proposedBy, proposedAt } = event.data;
      const escalation: EscalationView = { escalationId, department, action, purpose, proposedBy: proposedBy.id, proposedAt, confirmedBy: null, confirmedAt: null };
      return updateEscalations(trx, requestId, (escalations) => [...escalations, escalation]);
    }
    case 'EscalationConfirmed': {
      const { requestId, customerId, kind, escalationId, department, action, confirmedBy, confirmedAt } = event.data;
      await updateEscalations(trx, requestId, (escalations) =>
        escalations.map((escalation) => (escalation.escalationId === escalationId ? { ...escalation, confirmedBy: confirmedBy.id, confirmedAt } : escalation)),
      );
      await tell(trx, [department], recorded, { type: event.type, customerId, documentId: null, requestId, at: confirmedAt, detail: { kind, action, escalationId } });
      return;
    }
    default:
      return assertNever(event);
  }
}

async function updateEscalations(trx: Trx, requestId: string, change: (escalations: EscalationView[]) => EscalationView[]): Promise<void> {
  const row = await trx.selectFrom('document_requests').select('escalations').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  await trx
    .updateTable('document_requests')
    .set({ escalations: JSON.stringify(change(JSON.parse(row.escalations) as EscalationView[])) })
    .where('request_id', '=', requestId)
    .execute();
}
