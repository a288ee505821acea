import { specFor } from '../testing';
import { documentRequestDecider, type DocumentRequestEvent, type RequestDocument } from '.';

const now = new Date('2026-12-07T10:00:00.000Z');
const given = specFor(documentRequestDecider, () => ({ now }));
const investments = { id: 'investments-desk', kind: 'department' as const, department: 'investments' };
const mortgages = { id: 'mortgages-desk', kind: 'department' as const, department: 'mortgages' };
const pending = { documentId: 'd-id-card', reviewDueAt: '2026-12-14T10:00:00.000Z' };

const ask = (by: typeof investments, newRequestId = 'r-1'): RequestDocument => ({
  type: 'RequestDocument',
  newRequestId,
  customerId: 'C-1001',
  kind: 'identity',
  department: by.department,
  purpose: 'Opening an investment account',
  dueBy: '2026-12-21',
  pending,
  by,
});

const awaiting: DocumentRequestEvent = {
  type: 'DocumentRequestAwaitingReview',
  data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', ...pending, department: 'investments', purpose: 'Opening an investment account', dueBy: '2026-12-21', requestedBy: investments, requestedAt: '2026-12-07T09:00:00.000Z' },
};
const joined: DocumentRequestEvent = {
  type: 'DocumentRequestJoined',
  data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', department: 'mortgages', purpose: 'Mortgage offer', dueBy: '2026-12-18', requestedBy: mortgages, joinedAt: '2026-12-07T09:30:00.000Z' },
};

describe('an ask while a document of the kind is in review', () => {
  it('waits on that document and asks the customer nothing', () =>
    given().when(ask(investments)).then([{ ...awaiting, data: { ...awaiting.data, requestedAt: now.toISOString() } }]));

  it('lets another department join the waiters on the same document', () =>
    given(awaiting)
      .when(ask(mortgages, 'r-2'))
      .thenEmits((events) => expect(events).toEqual([expect.objectContaining({ type: 'DocumentRequestJoined', data: expect.objectContaining({ requestId: 'r-1', department: 'mortgages' }) })])));

  it('is satisfied when the document is verified, telling every waiting department', () =>
    given(awaiting, joined)
      .when({ type: 'SatisfyDocumentRequest', documentId: 'd-id-card' })
      .then([{ type: 'DocumentRequestSatisfied', data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', documentId: 'd-id-card', departments: ['investments', 'mortgages'], satisfiedAt: now.toISOString() } }]));

  it('asks the customer only once that document is rejected, with the reason and the earliest due date', () =>
    given(awaiting, joined)
      .when({ type: 'AskAfterRejection', documentId: 'd-id-card', reasonCode: 'ILLEGIBLE', message: 'The photo page is blurred.' })
      .then([
        {
          type: 'DocumentRequestSentToCustomer',
          data: {
            requestId: 'r-1',
            customerId: 'C-1001',
            kind: 'identity',
            rejectedDocumentId: 'd-id-card',
            reasonCode: 'ILLEGIBLE',
            message: 'The photo page is blurred.',
            departments: ['investments', 'mortgages'],
            dueBy: '2026-12-18',
            sentAt: now.toISOString(),
          },
        },
      ]));

  it('asks nothing when another document of the kind is rejected, or the customer was already asked', () => {
    const rejection = { type: 'AskAfterRejection' as const, documentId: 'd-other', reasonCode: 'ILLEGIBLE', message: 'Blurred.' };
    given(awaiting).when(rejection).then([]);
    const sent: DocumentRequestEvent = {
      type: 'DocumentRequestSentToCustomer',
      data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', rejectedDocumentId: 'd-id-card', reasonCode: 'ILLEGIBLE', message: 'Blurred.', departments: ['investments'], dueBy: '2026-12-21', sentAt: now.toISOString() },
    };
    given(awaiting, sent).when({ ...rejection, documentId: 'd-id-card' }).then([]);
  });

  it('opens a plain ask to the customer when nothing of the kind is in review', () =>
    given()
      .when({ ...ask(investments), pending: null })
      .thenEmits((events) => expect(events).toEqual([expect.objectContaining({ type: 'DocumentRequested' })])));
});
