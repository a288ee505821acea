import { documentStream, type DocumentEvent } from '@kluis/document-domain';
import { approvedBy, aReviewer, aSubmission, passportFacts, powerOfAttorneyFacts, rejectedBy, storedEvent, submitted, verified, withdrawnBy } from '@kluis/document-domain/testing';
import { createPostgresEventStore, type EventStore } from '@kluis/event-store';
import { eventually } from '@kluis/event-store/testing';
import {
  documentsProjection,
  findDocumentWithContent,
  listCustomerDocuments,
  openReadModelDatabase,
  Projector,
  projectorLeaseFor,
  type ReadModelDatabase,
  reviewQueue,
} from '@kluis/read-models';
import { randomUUID } from 'node:crypto';
import { onDatabase, scratchDatabase, type ScratchDatabase } from './support/postgres-database';

/** Larger than 2^32, so a size that went through a 32-bit integer or stayed a string would show. */
const FIVE_GB = 5_000_000_000;

describe('read models on PostgreSQL', () => {
  let database: ScratchDatabase;
  let store: EventStore;
  let db: ReadModelDatabase;
  let projector: Projector;

  beforeEach(async () => {
    database = await scratchDatabase();
    store = await createPostgresEventStore(database.url, { pollIntervalMs: 20 });
    db = await openReadModelDatabase({ kind: 'postgres', url: database.url });
    projector = new Projector(db, store, documentsProjection, {
      lease: projectorLeaseFor({ kind: 'postgres', url: database.url }, 'documents'),
      leaseIntervalMs: 100,
      retryDelayMs: 50,
    });
    await projector.start();
  });
  afterEach(async () => {
    await projector?.stop();
    await db?.destroy();
    await store?.close();
    await database?.drop();
  });

  const append = async (documentId: string, events: DocumentEvent[]) =>
    (await store.append(documentStream(documentId), events.map((event) => storedEvent(event)), 'no_stream')).position;

  it('projects documents and answers lists, the review queue and duplicate checks with the right types', async () => {
    const customer = `C-${randomUUID()}`;
    const anna = aReviewer('anna');
    const passport = aSubmission('passport', {
      customerId: customer,
      file: { blobKey: `documents/${randomUUID()}`, sha256: 'b'.repeat(64), size: FIVE_GB, mediaType: 'application/pdf', filename: 'passport.pdf' },
    });
    const deed = aSubmission('notarial-power-of-attorney', { customerId: customer, relatedCustomerIds: [`C-${randomUUID()}`] });
    const scan = aSubmission('proof-of-address', { customerId: customer, file: { ...deed.file, sha256: 'c'.repeat(64), filename: null } });
    const withdrawn = aSubmission('id-card', { customerId: customer, file: { ...deed.file, sha256: 'd'.repeat(64) } });
    const someoneElse = aSubmission('passport', { file: passport.file });

    await append(passport.documentId, [
      submitted(passport, '2026-11-02T09:00:00.000Z', '2026-11-09T09:00:00.000Z'),
      approvedBy(passport.documentId, anna, passportFacts()),
      verified(passport.documentId, passportFacts(), '2031-01-01'),
    ]);
    await append(deed.documentId, [submitted(deed, '2026-11-03T09:00:00.000Z', '2026-11-10T09:00:00.000Z'), approvedBy(deed.documentId, anna, powerOfAttorneyFacts())]);
    await append(scan.documentId, [submitted(scan, '2026-11-04T09:00:00.000Z', '2026-11-11T09:00:00.000Z'), ...rejectedBy(scan.documentId, anna)]);
    await append(withdrawn.documentId, [submitted(withdrawn, '2026-11-05T09:00:00.000Z', '2026-11-12T09:00:00.000Z'), withdrawnBy(withdrawn.documentId, withdrawn.by)]);
    const head = await append(someoneElse.documentId, [submitted(someoneElse, '2026-11-01T09:00:00.000Z', '2026-11-06T09:00:00.000Z')]);

    expect(await projector.waitFor(head, 10_000)).toBe(true);
    const checkpoint = await projector.checkpoint();
    expect(checkpoint).toBe(head);
    expect(typeof checkpoint).toBe('number');

    const list = await listCustomerDocuments(db, customer);
    expect(list.map((document) => [document.id, document.status])).toEqual([
      [withdrawn.documentId, 'withdrawn'],
      [scan.documentId, 'rejected'],
      [deed.documentId, 'awaiting_second_review'],
      [passport.documentId, 'verified'],
    ]);
    const [, rejected, awaiting, verifiedPassport] = list;
    expect(verifiedPassport).toMatchObject({
      customerId: customer,
      type: 'passport',
      file: { sha256: 'b'.repeat(64), size: FIVE_GB, mediaType: 'application/pdf', filename: 'passport.pdf' },
      relatedCustomerIds: [],
      submittedAt: '2026-11-02T09:00:00.000Z',
      reviewDueAt: '2026-11-09T09:00:00.000Z',
      approvals: 1,
      firstApprovalBy: 'anna',
      facts: passportFacts(),
      expiresOn: '2031-01-01',
      rejection: null,
      revision: 2,
    });
    expect([typeof verifiedPassport.file.size, typeof verifiedPassport.approvals, typeof verifiedPassport.revision]).toEqual(['number', 'number', 'number']);
    expect(awaiting).toMatchObject({ approvals: 1, firstApprovalBy: 'anna', relatedCustomerIds: deed.relatedCustomerIds, facts: null, revision: 1 });
    expect(rejected).toMatchObject({ file: { filename: null, size: 1024 }, rejection: { reasonCode: 'ILLEGIBLE', message: 'Too blurry.', at: '2026-11-03T10:00:00.000Z' }, revision: 2 });
    expect(await listCustomerDocuments(db, customer, { types: ['passport', 'id-card'] })).toHaveLength(2);
    expect(await listCustomerDocuments(db, customer, { types: [] })).toEqual([]);

    const queue = await reviewQueue(db, { now: new Date('2026-11-08T09:00:00.000Z'), overdueOnly: false, limit: 10 });
    expect(queue.map((item) => [item.id, item.overdue])).toEqual([
      [someoneElse.documentId, true],
      [deed.documentId, false],
    ]);
    const overdue = await reviewQueue(db, { now: new Date('2026-11-08T09:00:00.000Z'), overdueOnly: true, limit: 10 });
    expect(overdue.map((item) => item.id)).toEqual([someoneElse.documentId]);
    expect(await reviewQueue(db, { now: new Date('2026-11-08T09:00:00.000Z'), overdueOnly: false, limit: 1 })).toHaveLength(1);

    expect(await findDocumentWithContent(db, customer, 'passport', 'b'.repeat(64))).toBe(passport.documentId);
    expect(await findDocumentWithContent(db, customer, 'proof-of-address', 'c'.repeat(64))).toBe(scan.documentId);
    expect(await findDocumentWithContent(db, customer, 'id-card', 'd'.repeat(64))).toBeNull();
    expect(await findDocumentWithContent(db, customer, 'id-card', 'b'.repeat(64))).toBeNull();
  });

  it('carries on when the server drops every connection it holds, and projects what follows', async () => {
    const first = aSubmission('passport');
    expect(await projector.waitFor(await append(first.documentId, [submitted(first)]), 10_000)).toBe(true);

    const dropped = await onDatabase(database.url, async (client) => {
      const { rows } = await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      return rows.length;
    });
    expect(dropped).toBeGreaterThanOrEqual(3);
    await eventually(() => !projector.active, { until: 'the projector notices it lost its lease', timeoutMs: 2_000 });
    await eventually(() => projector.active, { until: 'the projector holds its lease again', timeoutMs: 5_000 });

    const second = aSubmission('passport', { customerId: first.customerId });
    expect(await projector.waitFor(await append(second.documentId, [submitted(second, '2026-11-03T09:00:00.000Z')]), 10_000)).toBe(true);
    expect((await listCustomerDocuments(db, first.customerId)).map((document) => document.id)).toEqual([second.documentId, first.documentId]);
  });

  it('rebuilds from zero to exactly the same rows', async () => {
    const customer = `C-${randomUUID()}`;
    for (let index = 0; index < 5; index += 1) {
      const submission = aSubmission('passport', { customerId: customer, file: { ...aSubmission('passport').file, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0') } });
      await append(submission.documentId, [submitted(submission, `2026-11-0${index + 1}T09:00:00.000Z`), approvedBy(submission.documentId, aReviewer('anna'), passportFacts())]);
    }
    expect(await projector.waitFor(await store.headPosition(), 10_000)).toBe(true);
    const before = await listCustomerDocuments(db, customer);

    const reached = await projector.rebuild();

    expect(reached).toBe(await store.headPosition());
    expect(await listCustomerDocuments(db, customer)).toEqual(before);
    expect(await projector.checkpoint()).toBe(reached);
  });
});
