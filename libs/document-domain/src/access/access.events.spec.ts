import { randomUUID } from 'node:crypto';
import { missingUpcasters, UnknownEventSchema } from '../upcasting';
import { accessEvent } from './access-record';
import { ACCESS_EVENT_VERSIONS, ACCESS_STREAM_PREFIX, ACCESS_UPCASTERS, accessStream, readAccessEvent } from './access.events';

const witness = () => ({ customerId: `C-${randomUUID()}`, by: 'mortgages-svc', role: 'department' as const, department: 'mortgages', at: '2026-03-03T09:00:00.000Z' });

describe("a customer's access events", () => {
  it('records a read with who made it, whose file it was and when, in the order the access log has always stored', () => {
    const by = witness();
    const documentId = randomUUID();
    const event = accessEvent({ type: 'DocumentContentRead', documentId, purpose: 'mortgage application' }, by);
    expect(event).toEqual({ type: 'DocumentContentRead', data: { ...by, documentId, purpose: 'mortgage application' } });
    expect(Object.keys(event.data)).toEqual(['customerId', 'by', 'role', 'department', 'documentId', 'purpose', 'at']);
  });

  it('reads back every access event the vault writes today', () => {
    const by = witness();
    const written = [
      accessEvent({ type: 'EvidenceQueried', kind: 'identity', satisfied: true, documentId: randomUUID(), purpose: null }, by),
      accessEvent({ type: 'DocumentRead', documentId: randomUUID(), what: 'history' }, by),
      accessEvent({ type: 'DocumentsListed' }, by),
      accessEvent({ type: 'AccessDenied', action: 'read', documentId: null, status: 404, window: `refused:${by.customerId}:2026-03-03T09` }, by),
      accessEvent({ type: 'BulkAccessBlocked', distinctCustomers: 51, limit: 50 }, by),
      accessEvent({ type: 'PersonalDataExported', format: 'zip' }, by),
      accessEvent({ type: 'DepartmentFeedRead' }, by),
    ];
    for (const event of written) expect(readAccessEvent(event.type, ACCESS_EVENT_VERSIONS[event.type], event.data)).toEqual(event);
  });

  it('refuses an access event type or version it does not know, rather than logging it blind', () => {
    const { data } = accessEvent({ type: 'DocumentsListed' }, witness());
    expect(() => readAccessEvent('DocumentsPrinted', 1, data)).toThrow(UnknownEventSchema);
    expect(() => readAccessEvent('DocumentsListed', 2, data)).toThrow('no reader for DocumentsListed v2');
  });

  it('has a step for every old version of every access event the vault writes today', () => {
    expect(missingUpcasters(ACCESS_UPCASTERS, ACCESS_EVENT_VERSIONS)).toEqual([]);
    expect(missingUpcasters(ACCESS_UPCASTERS, { ...ACCESS_EVENT_VERSIONS, DocumentRead: 2 })).toEqual(['DocumentRead v1']);
  });

  it("keeps each customer's access events in a stream of their own", () => {
    expect(accessStream('C-42')).toBe('access-C-42');
    expect(accessStream('C-42').startsWith(ACCESS_STREAM_PREFIX)).toBe(true);
  });
});
