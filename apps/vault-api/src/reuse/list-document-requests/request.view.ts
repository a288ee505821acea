import { latestRejection, type ReadModelDatabase, type RequestView } from '@kluis/read-models';
import { askWording } from './ask-wording';

export interface RequestsView {
  readonly requests: readonly ReturnType<typeof requestView>[];
}

/**
 * An ask as people read it: overdue once its date has passed, never while it waits on a document in review; why the
 * last upload did not do; and the vault's own wording of it.
 */
export const requestView = (request: RequestView, today: string, rejection: Awaited<ReturnType<typeof latestRejection>>) => ({
  id: request.id,
  kind: request.kind,
  status: request.status,
  wording: askWording(request),
  askers: request.askers,
  dueBy: request.dueBy,
  overdue: request.status === 'open' && request.dueBy !== null && request.dueBy < today,
  openedAt: request.openedAt,
  satisfiedAt: request.satisfiedAt,
  documentId: request.documentId,
  waitingOn: request.waitingOn,
  lastRejection: request.status === 'open' ? (request.sentAfterRejection ?? rejection) : null,
  escalations: request.escalations,
});

export async function requestViews(db: ReadModelDatabase, customerId: string, requests: readonly RequestView[], today: string) {
  return Promise.all(
    requests.map(async (request) => requestView(request, today, request.status === 'open' ? await latestRejection(db, customerId, request.kind, request.openedAt) : null)),
  );
}
