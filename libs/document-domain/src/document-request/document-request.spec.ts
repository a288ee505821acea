import { specFor } from '../testing';
import { documentRequestDecider, type DocumentRequestEvent, type RequestDocument } from '.';

const now = new Date('2026-11-23T10:00:00.000Z');
const given = specFor(documentRequestDecider, () => ({ now }));
const mandates = { id: 'mandates-desk', kind: 'department' as const, department: 'mandates' };
const investments = { id: 'investments-desk', kind: 'department' as const, department: 'investments' };

const ask = (department: typeof mandates, purpose: string, newRequestId = 'r-1'): RequestDocument => ({
  type: 'RequestDocument',
  newRequestId,
  customerId: 'C-1001',
  kind: 'power-of-attorney',
  department: department.department,
  purpose,
  dueBy: '2026-12-01',
  pending: null,
  by: department,
});

const requested: DocumentRequestEvent = {
  type: 'DocumentRequested',
  data: { requestId: 'r-1', customerId: 'C-1001', kind: 'power-of-attorney', department: 'mandates', purpose: 'Register the mandate', dueBy: '2026-12-01', requestedBy: mandates, requestedAt: '2026-11-20T09:00:00.000Z' },
};

describe('asking the customer for a document', () => {
  it('opens one ask for the kind', () =>
    given().when(ask(mandates, 'Register the mandate')).then([{ ...requested, data: { ...requested.data, requestedAt: now.toISOString() } }]));

  it('lets a second department join the open ask instead of asking again', () =>
    given(requested)
      .when(ask(investments, 'Investment account for the attorney', 'r-2'))
      .then([
        {
          type: 'DocumentRequestJoined',
          data: { requestId: 'r-1', customerId: 'C-1001', kind: 'power-of-attorney', department: 'investments', purpose: 'Investment account for the attorney', dueBy: '2026-12-01', requestedBy: investments, joinedAt: now.toISOString() },
        },
      ]));

  it('changes nothing when the same department asks again', () => given(requested).when(ask(mandates, 'Again')).then([]));

  it('is satisfied by a verified document, telling every department that asked', () => {
    const joined: DocumentRequestEvent = { type: 'DocumentRequestJoined', data: { ...requested.data, department: 'investments', requestedBy: investments, joinedAt: now.toISOString() } } as DocumentRequestEvent;
    given(requested, joined)
      .when({ type: 'SatisfyDocumentRequest', documentId: 'd-1' })
      .then([{ type: 'DocumentRequestSatisfied', data: { requestId: 'r-1', customerId: 'C-1001', kind: 'power-of-attorney', documentId: 'd-1', departments: ['mandates', 'investments'], satisfiedAt: now.toISOString() } }]);
  });

  it('does nothing when there is no open ask, so the process manager may retry freely', () => {
    given().when({ type: 'SatisfyDocumentRequest', documentId: 'd-1' }).then([]);
    const satisfied: DocumentRequestEvent = { type: 'DocumentRequestSatisfied', data: { requestId: 'r-1', customerId: 'C-1001', kind: 'power-of-attorney', documentId: 'd-1', departments: ['mandates'], satisfiedAt: now.toISOString() } };
    given(requested, satisfied).when({ type: 'SatisfyDocumentRequest', documentId: 'd-2' }).then([]);
  });

  it('opens a new round after the last one was satisfied', () => {
    const satisfied: DocumentRequestEvent = { type: 'DocumentRequestSatisfied', data: { requestId: 'r-1', customerId: 'C-1001', kind: 'power-of-attorney', documentId: 'd-1', departments: ['mandates'], satisfiedAt: now.toISOString() } };
    given(requested, satisfied)
      .when(ask(investments, 'Replacement', 'r-2'))
      .thenEmits((events) => expect(events).toEqual([expect.objectContaining({ type: 'DocumentRequested', data: expect.objectContaining({ requestId: 'r-2' }) })]));
  });
});
