import { DEFAULT_CATALOGUE, type DocumentEvent, documentDecider, documentStream, evolve, initialDocumentState } from '@kluis/document-domain';
import { aSubmission, heldForScan, scannedInfected, storedEvent, submitted } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlobRegistry } from './blob-registry';

describe('the blob registry', () => {
  let dir: string;
  let store: EventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-blob-registry-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const record = (documentId: string, events: DocumentEvent[]) =>
    store.append(
      documentStream(documentId),
      events.map((event) => storedEvent(event)),
      'no_stream',
    );

  it('no longer expects the file of a document found infected, which was removed on purpose', async () => {
    const infected = aSubmission('passport', { scan: 'unavailable' });
    const clean = aSubmission('passport');
    const held = [submitted(infected), heldForScan(infected.documentId)];
    const found = documentDecider.decide(scannedInfected(infected.documentId), held.reduce(evolve, initialDocumentState), { now: new Date(), catalogue: DEFAULT_CATALOGUE });
    await record(infected.documentId, [...held, ...found]);
    await record(clean.documentId, [submitted(clean)]);

    const registry = await readBlobRegistry(store);

    expect([...registry.blobs.keys()]).toEqual([clean.file.blobKey]);
  });
});
