import { randomUUID } from 'node:crypto';
import { MissingUpcaster, missingUpcasters, upcast, type UpcasterChain } from '../upcasting/upcaster-chain';
import { readDocumentEvent } from './document.aggregate';
import { DOCUMENT_EVENT_VERSIONS } from './document.events';
import { DOCUMENT_UPCASTERS } from './document.upcasters';

/** DocumentSubmitted as the first release wrote it: no evidence kind. */
const submittedV1 = (type: string) => ({
  documentId: randomUUID(),
  customerId: `C-${randomUUID()}`,
  type,
  file: { blobKey: `documents/${randomUUID()}`, sha256: 'a'.repeat(64), size: 1024, mediaType: 'application/pdf', filename: 'scan.pdf' },
  channel: 'online',
  relatedCustomerIds: [],
  submittedBy: { id: 'C-1', kind: 'customer' },
  submittedAt: '2025-03-03T09:00:00.000Z',
  reviewDueAt: '2025-03-10T09:00:00.000Z',
});

describe('reading an old event schema as the current one', () => {
  it.each([
    ['passport', 'identity'],
    ['driving-licence', 'identity'],
    ['notarial-power-of-attorney', 'power-of-attorney'],
    ['proof-of-address', 'address'],
    ['notarial-deed', null],
  ])('reads a v1 DocumentSubmitted for a %s as v2, with evidence kind %j', (type, evidenceKind) => {
    const v1 = submittedV1(type);
    const v2 = upcast(DOCUMENT_UPCASTERS, 'DocumentSubmitted', 1, 2, v1);
    expect(v2).toEqual({ ...v1, evidenceKind });
  });

  it('reads a DocumentSubmitted stored at v1 as today\'s v2 when the vault loads it', () => {
    const v1 = submittedV1('id-card');
    expect(DOCUMENT_EVENT_VERSIONS.DocumentSubmitted).toBe(2);
    expect(readDocumentEvent('DocumentSubmitted', 1, v1)).toEqual({ type: 'DocumentSubmitted', data: { ...v1, evidenceKind: 'identity' } });
  });

  it('keeps an evidence kind a v1 event already carries', () => {
    const v1 = { ...submittedV1('passport'), evidenceKind: null };
    expect(upcast(DOCUMENT_UPCASTERS, 'DocumentSubmitted', 1, 2, v1)).toEqual(v1);
  });

  it('has a step for every old version of every document event the vault writes today', () => {
    expect(missingUpcasters(DOCUMENT_UPCASTERS, DOCUMENT_EVENT_VERSIONS)).toEqual([]);
  });

  it('leaves the stored event as it was', () => {
    const v1 = submittedV1('passport');
    const before = structuredClone(v1);
    upcast(DOCUMENT_UPCASTERS, 'DocumentSubmitted', 1, 2, v1);
    expect(v1).toEqual(before);
  });

  it('passes an event already at the current version through untouched', () => {
    const v2 = { ...submittedV1('passport'), evidenceKind: 'identity' };
    expect(upcast(DOCUMENT_UPCASTERS, 'DocumentSubmitted', 2, 2, v2)).toBe(v2);
  });

  it('climbs one version at a time, in order', () => {
    const chain: UpcasterChain = {
      Renamed: {
        1: (data) => ({ ...data, steps: [...((data.steps as string[]) ?? []), '1→2'] }),
        2: (data) => ({ ...data, steps: [...(data.steps as string[]), '2→3'] }),
      },
    };
    expect(upcast(chain, 'Renamed', 1, 3, {})).toEqual({ steps: ['1→2', '2→3'] });
    expect(upcast(chain, 'Renamed', 2, 3, { steps: [] })).toEqual({ steps: ['2→3'] });
  });

  it('refuses to guess when a step is missing', () => {
    expect(() => upcast(DOCUMENT_UPCASTERS, 'DocumentSubmitted', 1, 3, submittedV1('passport'))).toThrow(MissingUpcaster);
    expect(() => upcast(DOCUMENT_UPCASTERS, 'DocumentReviewed', 1, 2, {})).toThrow('no upcaster from DocumentReviewed v1 to v2');
  });

  it('names every version a bump left without an upcaster', () => {
    expect(missingUpcasters(DOCUMENT_UPCASTERS, { DocumentSubmitted: 2, DocumentReviewed: 1 })).toEqual([]);
    expect(missingUpcasters(DOCUMENT_UPCASTERS, { DocumentSubmitted: 3, DocumentReviewed: 2 })).toEqual(['DocumentSubmitted v2', 'DocumentReviewed v1']);
  });
});
