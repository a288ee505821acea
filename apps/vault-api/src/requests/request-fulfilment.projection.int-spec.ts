import { DOCUMENT_REQUEST_STREAM_PREFIX, type DocumentEvent, type DocumentRequestEvent, documentStream, type EvidenceKind } from '@kluis/document-domain';
import { aCustomer, aReviewer, approvedBy, aSubmission, passportFacts, submitted, verified, withdrawnBy } from '@kluis/document-domain/testing';
import { inStream, projectionSpec } from '@kluis/read-models/testing';
import { randomUUID } from 'node:crypto';
import { requestFulfilmentProjection } from './request-fulfilment.projection';

const TODAY = '2026-11-10';
const lending = aReviewer('lena');

/** The fulfilment projection, with what it asks to happen written down instead of carried out. */
function fulfilment() {
  const asked: { effect: string; documentId: string; kind: EvidenceKind; reasonCode?: string; cause: string }[] = [];
  const spec = projectionSpec(
    requestFulfilmentProjection(() => TODAY, {
      satisfy: async ({ documentId, kind, cause }) => void asked.push({ effect: 'satisfy', documentId, kind, cause: cause.type }),
      askAfterRejection: async ({ documentId, kind, reasonCode, cause }) => void asked.push({ effect: 'ask the customer', documentId, kind, reasonCode, cause: cause.type }),
    }),
  );
  return { spec, asked };
}

function aCustomerWithAPassport() {
  const customerId = `C-${randomUUID()}`;
  const submission = aSubmission('passport', { customerId, by: aCustomer(customerId) });
  const documentId = submission.documentId;
  const request = (requestId: string, ...events: DocumentRequestEvent[]) => inStream(`${DOCUMENT_REQUEST_STREAM_PREFIX}${customerId}-identity-${requestId}`, ...events);
  return {
    customerId,
    documentId,
    document: (...events: DocumentEvent[]) => inStream(documentStream(documentId), ...events),
    submitted: submitted(submission),
    verifiedUntil: (validUntil: string | null) => [approvedBy(documentId, aReviewer('anna'), passportFacts()), verified(documentId, passportFacts(), validUntil)],
    asked: (requestId: string, dueBy: string | null) =>
      request(requestId, {
        type: 'DocumentRequested',
        data: { requestId, customerId, kind: 'identity', department: 'lending', purpose: 'Mortgage file', dueBy, requestedBy: lending, requestedAt: '2026-11-01T09:00:00.000Z' },
      }),
    satisfied: (requestId: string) =>
      request(requestId, { type: 'DocumentRequestSatisfied', data: { requestId, customerId, kind: 'identity', documentId, departments: ['lending'], satisfiedAt: '2026-11-04T09:00:00.000Z' } }),
  };
}

describe('the request fulfilment projection', () => {
  it('satisfies an open ask with a document verified after it, valid past its due date', async () => {
    const customer = aCustomerWithAPassport();
    const { spec, asked } = fulfilment();
    await spec.given(customer.asked('r-1', '2027-01-01'), customer.document(customer.submitted, ...customer.verifiedUntil('2031-01-01'))).then({
      fulfilment_documents: [{ document_id: customer.documentId, customer_id: customer.customerId, kind: 'identity', status: 'verified', valid_until: '2031-01-01' }],
      fulfilment_open_requests: [{ customer_id: customer.customerId, kind: 'identity', request_id: 'r-1', due_by: '2027-01-01' }],
    });
    expect(asked).toEqual([{ effect: 'satisfy', documentId: customer.documentId, kind: 'identity', cause: 'DocumentVerified' }]);
  });

  it('satisfies an ask at once with a document already verified, and forgets the ask once satisfied', async () => {
    const customer = aCustomerWithAPassport();
    const { spec, asked } = fulfilment();
    await spec.given(customer.document(customer.submitted, ...customer.verifiedUntil(null)), customer.asked('r-1', null), customer.satisfied('r-1')).then({
      fulfilment_documents: [{ document_id: customer.documentId, status: 'verified', valid_until: null }],
      fulfilment_open_requests: [],
    });
    expect(asked).toEqual([{ effect: 'satisfy', documentId: customer.documentId, kind: 'identity', cause: 'DocumentRequested' }]);
  });

  it('does not let a document that lapses before the due date satisfy the ask: the customer is asked again', async () => {
    const customer = aCustomerWithAPassport();
    const { spec, asked } = fulfilment();
    await spec.given(customer.asked('r-1', '2027-06-01'), customer.document(customer.submitted, ...customer.verifiedUntil('2027-03-01'))).then({
      fulfilment_documents: [{ document_id: customer.documentId, status: 'verified', valid_until: '2027-03-01' }],
      fulfilment_open_requests: [{ request_id: 'r-1' }],
    });
    expect(asked).toEqual([{ effect: 'ask the customer', documentId: customer.documentId, kind: 'identity', reasonCode: 'VALID_TOO_SHORT', cause: 'DocumentVerified' }]);
  });

  it('asks the customer when the document an ask waited on is withdrawn, and an erased one satisfies nothing', async () => {
    const customer = aCustomerWithAPassport();
    const erased: DocumentEvent = { type: 'DocumentErased', data: { documentId: customer.documentId, customerId: customer.customerId, reason: 'prospect-request', erasedAt: '2026-11-06T09:00:00.000Z' } };
    const { spec, asked } = fulfilment();
    await spec.given(customer.asked('r-1', null), customer.document(customer.submitted, withdrawnBy(customer.documentId, aCustomer(customer.customerId)), erased)).then({
      fulfilment_documents: [{ document_id: customer.documentId, status: 'DocumentErased' }],
    });
    expect(asked).toEqual([{ effect: 'ask the customer', documentId: customer.documentId, kind: 'identity', reasonCode: 'WITHDRAWN', cause: 'DocumentWithdrawn' }]);
  });
});
