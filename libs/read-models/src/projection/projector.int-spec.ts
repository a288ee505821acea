import { documentStream } from '@kluis/document-domain';
import { aReviewer, approvedBy, aSubmission, passportFacts, submitted, verified, storedEvent } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import { listCustomerDocuments } from '../documents/document.queries';
import { documentsProjection } from '../documents/documents.projection';
import { readCheckpoint } from './checkpoints';
import type { Projection } from './projection';
import { Projector } from './projector';

describe('projecting documents from a checkpointed subscription', () => {
  let dir: string;
  let store: EventStore;
  let db: ReadModelDatabase;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-projector-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
    db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
  });
  afterEach(async () => {
    await db.destroy();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function aVerifiedPassport() {
    const submission = aSubmission('passport');
    const id = submission.documentId;
    const events = [submitted(submission), approvedBy(id, aReviewer('anna'), passportFacts()), verified(id, passportFacts(), '2031-01-01')];
    const { position } = await store.append(documentStream(id), events.map((event) => storedEvent(event)), 'no_stream');
    return { submission, position };
  }

  it('catches up, then follows live appends, and lets a writer wait for its own event', async () => {
    const first = await aVerifiedPassport();
    const projector = new Projector(db, store, documentsProjection);
    await projector.start();
    try {
      expect(await projector.waitFor(first.position, 5000)).toBe(true);
      const second = await aVerifiedPassport();
      expect(await projector.waitFor(second.position, 5000)).toBe(true);
      const [row] = await listCustomerDocuments(db, second.submission.customerId);
      expect(row).toMatchObject({ id: second.submission.documentId, status: 'verified', approvals: 1, firstApprovalBy: 'anna', expiresOn: '2031-01-01', revision: 2 });
      expect(await readCheckpoint(db, 'documents')).toBe(second.position);
    } finally {
      await projector.stop();
    }
  });

  it('reports a position it cannot reach within the bound as not reached', async () => {
    const projector = new Projector(db, store, documentsProjection);
    const started = Date.now();
    expect(await projector.waitFor(Number.MAX_SAFE_INTEGER, 150)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('writes rows and checkpoint together: a batch that fails leaves neither, and is retried', async () => {
    const { submission, position } = await aVerifiedPassport();
    let failuresLeft = 1;
    const failingOnce: Projection = {
      ...documentsProjection,
      async apply(trx, event: RecordedEvent) {
        await documentsProjection.apply(trx, event);
        if (event.type === 'DocumentVerified' && failuresLeft-- > 0) throw new Error('disk full');
      },
    };
    const errors: unknown[] = [];
    const projector = new Projector(db, store, failingOnce, { retryDelayMs: 20, onError: (error) => errors.push(error) });
    await projector.start();
    try {
      expect(await projector.waitFor(position, 5000)).toBe(true);
      expect(errors).toHaveLength(1);
      const rows = await listCustomerDocuments(db, submission.customerId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'verified', approvals: 1 });
    } finally {
      await projector.stop();
    }
  });

  it('rebuilds from zero to exactly the same rows', async () => {
    const customers = [];
    for (let index = 0; index < 5; index += 1) customers.push((await aVerifiedPassport()).submission.customerId);
    const projector = new Projector(db, store, documentsProjection);
    await projector.start();
    await projector.waitFor(await store.headPosition(), 5000);
    const before = await Promise.all(customers.map((customer) => listCustomerDocuments(db, customer)));
    const reached = await projector.rebuild();
    expect(reached).toBe(await store.headPosition());
    const after = await Promise.all(customers.map((customer) => listCustomerDocuments(db, customer)));
    expect(after).toEqual(before);
    expect(await readCheckpoint(db, 'documents')).toBe(reached);
  });
});
