import { filesContainingPlaintext, inMemoryKeyVault } from '@kluis/crypto/testing';
import { documentRequestAggregate, documentRequestId, DOCUMENT_REQUEST_EVENT_VERSIONS, type DocumentRequestAwaitingReview } from '@kluis/document-domain';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachingKeyVault } from './caching-key-vault';
import { SealingEventStore } from './sealing-event-store';

const customerId = `C-${randomUUID()}`;
const purpose = 'Mortgage on Keizersgracht 401 for the Ouwehand family';

/** A round opened while a document is in review: the department's purpose is free text about the customer. */
const awaitingReview: DocumentRequestAwaitingReview = {
  type: 'DocumentRequestAwaitingReview',
  data: {
    requestId: randomUUID(),
    customerId,
    kind: 'address',
    documentId: randomUUID(),
    reviewDueAt: '2026-03-10T09:00:00.000Z',
    department: 'mortgages',
    purpose,
    dueBy: null,
    requestedBy: { id: 'officer-1', kind: 'department', department: 'mortgages' },
    requestedAt: '2026-03-03T09:00:00.000Z',
  },
};

describe('a request event personal field, sealed as its aggregate declares', () => {
  let dir: string;
  let raw: EventStore;
  let keys: CachingKeyVault;
  let store: SealingEventStore;
  const stream = documentRequestAggregate.streamName(documentRequestId(customerId, 'address'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-request-sealing-'));
    raw = await createSqliteEventStore(join(dir, 'events.db'));
    keys = new CachingKeyVault(inMemoryKeyVault());
    store = new SealingEventStore(raw, keys);
    const { type, data } = awaitingReview;
    await store.append(stream, [{ id: randomUUID(), type, version: DOCUMENT_REQUEST_EVENT_VERSIONS[type], data: { ...data }, metadata: {} }], 'no_stream');
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the purpose as ciphertext and reads it back plain', async () => {
    expect(await filesContainingPlaintext(dir, Buffer.from('Keizersgracht'))).toEqual([]);
    // The department is not personal and stays readable: proof that the search looks where the events are.
    expect(await filesContainingPlaintext(dir, Buffer.from('mortgages'))).not.toEqual([]);
    const [stored] = (await raw.readStream(stream)).events;
    expect(stored.data).toMatchObject({ purpose: '', department: 'mortgages' });
    const [read] = (await store.readStream(stream)).events;
    expect(documentRequestAggregate.read(read.type, read.version, read.data)).toEqual(awaitingReview);
  });

  it('reads it back absent once the customer is crypto-shredded', async () => {
    await keys.destroy(customerId);
    const [read] = (await store.readStream(stream)).events;
    expect(read.data).toMatchObject({ purpose: '', department: 'mortgages' });
    expect(read.metadata.erased).toEqual(['purpose']);
  });
});
