import {
  CUSTOMER_RETENTION_EVENT_VERSIONS,
  type CustomerRetentionEvent,
  customerStream,
  DOCUMENT_EVENT_VERSIONS,
  type DocumentEvent,
  documentStream,
  retainedUntil,
} from '@kluis/document-domain';
import { aReviewer, approvedBy, aSubmission, passportFacts, submitted, verified } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import { listCustomerDocuments } from '../documents/document.queries';
import { documentsProjection } from '../documents/documents.projection';
import { findEvidence } from '../documents/reuse.queries';
import { Projector } from '../projection/projector';
import { customerRetention, customersDueForErasure, departmentsThatReliedOn, erasuresToComplete } from './customer-retention.queries';

const stored = (event: DocumentEvent | CustomerRetentionEvent) => ({
  id: randomUUID(),
  type: event.type,
  version: event.type in CUSTOMER_RETENTION_EVENT_VERSIONS ? CUSTOMER_RETENTION_EVENT_VERSIONS[event.type as CustomerRetentionEvent['type']] : DOCUMENT_EVENT_VERSIONS[event.type as DocumentEvent['type']],
  data: event.data as unknown as Record<string, unknown>,
  metadata: {},
});

const support = { id: 'support-1', kind: 'staff' as const };

describe('the customer retention read model', () => {
  let dir: string;
  let store: EventStore;
  let db: ReadModelDatabase;
  let projector: Projector;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-retention-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
    db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
    projector = new Projector(db, store, documentsProjection);
    await projector.start();
  });
  afterEach(async () => {
    await projector.stop();
    await db.destroy();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function append(stream: string, events: (DocumentEvent | CustomerRetentionEvent)[]) {
    const current = await store.readStream(stream);
    const { position } = await store.append(stream, events.map(stored), current.revision);
    expect(await projector.waitFor(position, 10_000)).toBe(true);
  }

  async function aCustomerWhoLeft(endedOn: string) {
    const submission = aSubmission('passport');
    const { customerId, documentId } = submission;
    await append(documentStream(documentId), [submitted(submission), approvedBy(documentId, aReviewer('anna'), passportFacts()), verified(documentId, passportFacts(), '2040-01-01')]);
    await append(customerStream(customerId), [
      { type: 'CustomerRelationshipStarted', data: { customerId, startedOn: '2020-01-01', startedBy: support, startedAt: '2020-01-01T09:00:00.000Z' } },
      { type: 'CustomerRelationshipEnded', data: { customerId, endedOn, retainedUntil: retainedUntil(endedOn, 5), endedBy: support, endedAt: `${endedOn}T09:00:00.000Z` } },
    ]);
    return { customerId, documentId };
  }

  it('finds who is due the day after retention ends, unless a hold applies', async () => {
    const left = await aCustomerWhoLeft('2026-11-23');
    const held = await aCustomerWhoLeft('2026-11-23');
    await append(customerStream(held.customerId), [
      { type: 'LegalHoldPlaced', data: { customerId: held.customerId, holdId: 'h-1', reason: 'Court order', caseRef: 'C-1', placedBy: support, placedAt: '2027-01-01T09:00:00.000Z' } },
    ]);

    expect(await customersDueForErasure(db, '2031-11-23', 10)).toEqual([]);
    expect(await customersDueForErasure(db, '2031-11-24', 10)).toEqual([left.customerId]);
    expect(await customerRetention(db, held.customerId)).toMatchObject({ status: 'ended', retainedUntil: '2031-11-23', legalHolds: 1 });

    await append(customerStream(held.customerId), [{ type: 'LegalHoldLifted', data: { customerId: held.customerId, holdId: 'h-1', liftedBy: support, liftedAt: '2032-01-01T09:00:00.000Z' } }]);
    expect((await customersDueForErasure(db, '2032-01-02', 10)).sort()).toEqual([left.customerId, held.customerId].sort());
  });

  it('drops the personal data of an erased customer at once, and keeps them listed until the erasure is complete', async () => {
    const { customerId, documentId } = await aCustomerWhoLeft('2026-11-23');
    expect(await findEvidence(db, customerId, ['passport'], '2031-11-24')).toMatchObject({ id: documentId });

    await append(customerStream(customerId), [{ type: 'CustomerErased', data: { customerId, reason: 'retention-ended', erasedBy: support, erasedAt: '2031-11-24T01:00:00.000Z' } }]);
    expect(await customersDueForErasure(db, '2031-11-24', 10)).toEqual([]);
    expect(await erasuresToComplete(db, 10)).toEqual([customerId]);
    const [summary] = await listCustomerDocuments(db, customerId);
    expect(summary).toMatchObject({ status: 'erased', facts: null });
    expect(JSON.stringify(summary)).not.toMatch(/Maria de Vries|scan\.pdf/);
    expect(await findEvidence(db, customerId, ['passport'], '2031-11-24')).toBeNull();

    await append(documentStream(documentId), [{ type: 'DocumentErased', data: { documentId, customerId, reason: 'retention-ended', erasedAt: '2031-11-24T01:00:01.000Z' } }]);
    await append(customerStream(customerId), [{ type: 'CustomerErasureCompleted', data: { customerId, documents: 1, completedAt: '2031-11-24T01:00:02.000Z' } }]);
    expect(await erasuresToComplete(db, 10)).toEqual([]);
    expect(await customerRetention(db, customerId)).toMatchObject({ status: 'erased', erasedAt: '2031-11-24T01:00:00.000Z' });
  });

  it('remembers which departments ever relied on a customer, released or not', async () => {
    const { customerId, documentId } = await aCustomerWhoLeft('2026-11-23');
    expect(await departmentsThatReliedOn(db, customerId)).toEqual([]);
    const mandates = { id: 'mandates-1', kind: 'department' as const, department: 'mandates' };
    await append(documentStream(documentId), [
      { type: 'DocumentReferenced', data: { documentId, customerId, referenceId: randomUUID(), department: 'mandates', purpose: 'Mandate', caseRef: 'M-1', referencedBy: mandates, referencedAt: '2026-01-01T09:00:00.000Z' } },
    ]);
    const [{ data }] = (await store.readStream(documentStream(documentId))).events.slice(-1) as unknown as [{ data: { referenceId: string } }];
    await append(documentStream(documentId), [{ type: 'ReferenceReleased', data: { documentId, referenceId: data.referenceId, department: 'mandates', releasedBy: mandates, releasedAt: '2026-02-01T09:00:00.000Z' } }]);
    expect(await departmentsThatReliedOn(db, customerId)).toEqual(['mandates']);
  });
});
