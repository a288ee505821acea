import { documentStream } from '@kluis/document-domain';
import { aReviewer, approvedBy, aSubmission, passportFacts, submitted, storedEvent } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { eventually } from '@kluis/event-store/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import { documentsProjection } from '../documents/documents.projection';
import { CheckpointMovedError } from './checkpoint-moved.error';
import { readCheckpoint } from './checkpoints';
import { Projector } from './projector';
import type { ProjectorLease } from './projector-lease';

/** A lease the test grants, refuses and takes away. */
class ControlledLease implements ProjectorLease {
  granted = false;
  attempts = 0;
  released = false;
  private readonly listeners: Array<(reason: unknown) => void> = [];

  async hold(): Promise<boolean> {
    this.attempts += 1;
    return this.granted;
  }

  async release(): Promise<void> {
    this.released = true;
  }

  onLost(listener: (reason: unknown) => void): void {
    this.listeners.push(listener);
  }

  lose(): void {
    this.granted = false;
    for (const listener of this.listeners) listener(new Error('the lease connection dropped'));
  }
}

describe('projecting only while holding the lease', () => {
  let dir: string;
  let store: EventStore;
  let db: ReadModelDatabase;
  const projectors: Projector[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-projector-lease-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
    db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
  });
  afterEach(async () => {
    await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
    await db.destroy();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const aProjector = (lease?: ProjectorLease, errors: unknown[] = []) => {
    const projector = new Projector(db, store, documentsProjection, { lease, leaseIntervalMs: 10, retryDelayMs: 10, onError: (error) => errors.push(error) });
    projectors.push(projector);
    return projector;
  };

  async function anApprovedPassport() {
    const submission = aSubmission('passport');
    const id = submission.documentId;
    const events = [submitted(submission), approvedBy(id, aReviewer('anna'), passportFacts())];
    const { position } = await store.append(documentStream(id), events.map((event) => storedEvent(event)), 'no_stream');
    return { id, position };
  }

  it('stands by while another instance holds the lease, and takes over once it gets it', async () => {
    const { position } = await anApprovedPassport();
    const lease = new ControlledLease();
    const projector = aProjector(lease);
    await projector.start();

    await eventually(() => lease.attempts >= 3, { until: 'the projector has tried for the lease three times' });
    expect(projector.active).toBe(false);
    expect(await readCheckpoint(db, 'documents')).toBe(0);

    lease.granted = true;
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(projector.active).toBe(true);
  });

  it('stops projecting the moment the lease is lost, and catches up when it holds it again', async () => {
    const lease = new ControlledLease();
    lease.granted = true;
    const errors: unknown[] = [];
    const projector = aProjector(lease, errors);
    await projector.start();
    const first = await anApprovedPassport();
    expect(await projector.waitFor(first.position, 5000)).toBe(true);

    lease.lose();
    expect(projector.active).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ message: 'the lease connection dropped' })]);
    const attempts = lease.attempts;
    const second = await anApprovedPassport();
    await eventually(() => lease.attempts >= attempts + 3, { until: 'the projector has tried for the lease three more times' });
    expect(await readCheckpoint(db, 'documents')).toBe(first.position);

    lease.granted = true;
    expect(await projector.waitFor(second.position, 5000)).toBe(true);
  });

  it('gives the lease back when stopped', async () => {
    const lease = new ControlledLease();
    lease.granted = true;
    const projector = aProjector(lease);
    await projector.start();
    await projector.stop();
    expect(lease.released).toBe(true);
    expect(projector.active).toBe(false);
  });

  it('applies every event exactly once even when two projectors both believe they lead', async () => {
    const documents = await Promise.all(Array.from({ length: 40 }, () => anApprovedPassport()));
    const errors: unknown[] = [];
    const one = aProjector(undefined, errors);
    const other = aProjector(undefined, errors);
    await Promise.all([one.start(), other.start()]);
    const head = await store.headPosition();

    expect(await one.waitFor(head, 10_000)).toBe(true);
    await eventually(() => errors.some((error) => error instanceof CheckpointMovedError), { until: 'one projector found the checkpoint moved' });
    const rows = await db.selectFrom('documents').select(['document_id', 'approvals', 'revision']).execute();
    expect(rows).toHaveLength(documents.length);
    expect(new Set(rows.map((row) => row.document_id))).toEqual(new Set(documents.map((document) => document.id)));
    expect(rows.every((row) => Number(row.approvals) === 1 && Number(row.revision) === 1)).toBe(true);
    expect(await readCheckpoint(db, 'documents')).toBe(head);
  });
});
