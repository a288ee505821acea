import { customerStream } from '@kluis/document-domain';
import { aReviewer } from '@kluis/document-domain/testing';
import { inStream, projectionSpec } from '../testing';
import { accessLogProjection } from './access-log.projection';

const spec = projectionSpec(accessLogProjection);
const customerId = 'C-access-log';
const accessed = (type: string, data: object) =>
  inStream(`access-${customerId}`, { type, data: { customerId, by: 'lena', role: 'staff', department: 'lending', at: '2026-11-05T09:00:00.000Z', ...data } });

describe('the access log projection', () => {
  it('records each read with who, why and on which document, and keeps the rest as detail', async () => {
    await spec
      .given(
        accessed('DocumentRead', { purpose: 'Mortgage file', documentId: 'doc-1' }),
        accessed('EvidenceQueried', { purpose: 'Account opening', kind: 'identity', satisfied: true, documentId: 'doc-1' }),
        accessed('AccessDenied', { reason: 'not-relied-on' }),
      )
      .then({
        access_log: [
          { customer_id: customerId, type: 'DocumentRead', by_sub: 'lena', role: 'staff', department: 'lending', purpose: 'Mortgage file', document_id: 'doc-1', detail: '{}' },
          { customer_id: customerId, type: 'EvidenceQueried', purpose: 'Account opening', document_id: 'doc-1', detail: JSON.stringify({ kind: 'identity', satisfied: true }) },
          { customer_id: customerId, type: 'AccessDenied', purpose: null, document_id: null, detail: JSON.stringify({ reason: 'not-relied-on' }) },
        ],
      });
  });

  it("drops the purposes staff stated once the customer is erased, and keeps the entries", async () => {
    await spec
      .given(
        accessed('DocumentRead', { purpose: 'Mortgage file', documentId: 'doc-1' }),
        inStream(customerStream(customerId), { type: 'CustomerErased', data: { customerId, reason: 'retention-ended', erasedBy: aReviewer('support-1'), erasedAt: '2031-11-24T02:00:00.000Z' } }),
      )
      .then({ access_log: [{ customer_id: customerId, type: 'DocumentRead', by_sub: 'lena', purpose: null, document_id: 'doc-1' }] });
  });
});
