import { type BlobStore, createFileBlobStore } from '@kluis/blob-store';
import type { KeyVault } from '@kluis/crypto';
import { inMemoryKeyVault } from '@kluis/crypto/testing';
import { documentStream } from '@kluis/document-domain';
import { aSubmission, storedEvent, submitted } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DocumentContentStore } from '../encryption/document-content-store';
import { reconcileBlobs, type ReconcileOptions } from './reconcile-blobs';
import { foundDataLoss } from './reconciliation-report';
import { loadReconciliationState, saveReconciliationState, stateAfter } from './reconciliation-state';

const HOUR = 60 * 60 * 1000;

describe('reconciling the blob store with the registry', () => {
  let dir: string;
  let store: EventStore;
  let blobs: BlobStore;
  let keys: KeyVault;
  let contents: DocumentContentStore;
  let now: Date;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-reconcile-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
    blobs = createFileBlobStore(join(dir, 'blobs'));
    keys = inMemoryKeyVault();
    contents = new DocumentContentStore(blobs, keys);
    now = new Date('2026-05-04T09:00:00.000Z');
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const options = (overrides: Partial<ReconcileOptions> = {}): ReconcileOptions => ({
    now: () => now,
    contents,
    deep: false,
    repair: true,
    orphanGraceMs: 24 * HOUR,
    orphansFirstSeen: new Map(),
    ...overrides,
  });

  const customerId = `C-${randomUUID()}`;
  const aBlob = async (owner = customerId) => contents.put(owner, Readable.from([randomBytes(4096)]));

  /** A submission as the vault records it, pointing at `file`. */
  async function submit(file: { key: string; sha256: string; size: number }, owner = customerId): Promise<string> {
    const submission = aSubmission('passport', {
      customerId: owner,
      file: { blobKey: file.key, sha256: file.sha256, size: file.size, mediaType: 'application/pdf', filename: 'scan.pdf' },
    });
    await store.append(documentStream(submission.documentId), [storedEvent(submitted(submission))], 'no_stream');
    return submission.documentId;
  }

  async function dataFileOf(key: string): Promise<string> {
    const [folder, name] = key.split('/');
    const files = await readdir(join(dir, 'blobs', folder));
    return join(dir, 'blobs', folder, files.find((file) => file.startsWith(`${name}.`) && file.endsWith('.blob'))!);
  }

  it('finds nothing wrong when every event has its blob and every blob its event', async () => {
    for (let index = 0; index < 3; index += 1) await submit(await aBlob());
    const report = await reconcileBlobs(store, blobs, options());
    expect(report).toMatchObject({ registered: 3, stored: 3, missing: [], mismatches: [], orphans: [], deletedOrphans: [] });
    expect(foundDataLoss(report)).toBe(false);
  });

  it('reports an event whose blob is gone, naming the document', async () => {
    const kept = await aBlob();
    await submit(kept);
    const lost = await aBlob();
    const documentId = await submit(lost);
    await blobs.delete(lost.key);
    const report = await reconcileBlobs(store, blobs, options());
    expect(report.missing).toEqual([{ key: lost.key, documentId }]);
    expect(foundDataLoss(report)).toBe(true);
  });

  it('keeps an orphan through its grace period, then deletes it, and never touches a registered blob', async () => {
    const registered = await aBlob();
    await submit(registered);
    const orphan = await aBlob();
    const storedRegistered = await blobs.head(registered.key);

    const first = await reconcileBlobs(store, blobs, options());
    expect(first.orphans).toEqual([{ key: orphan.key, size: contents.storedSize(orphan.size), firstSeenAt: now.toISOString() }]);
    expect(first.deletedOrphans).toEqual([]);
    expect(await blobs.head(orphan.key)).not.toBeNull();

    now = new Date(now.getTime() + 23 * HOUR);
    const within = await reconcileBlobs(store, blobs, options({ orphansFirstSeen: stateAfter(first).orphansFirstSeen }));
    expect(within.deletedOrphans).toEqual([]);
    expect(within.orphans[0].firstSeenAt).toBe(first.orphans[0].firstSeenAt);

    now = new Date(now.getTime() + 2 * HOUR);
    const past = await reconcileBlobs(store, blobs, options({ orphansFirstSeen: stateAfter(within).orphansFirstSeen }));
    expect(past.deletedOrphans).toEqual([orphan.key]);
    expect(past.orphans).toEqual([]);
    expect(await blobs.head(orphan.key)).toBeNull();
    expect(await blobs.head(registered.key)).toEqual(storedRegistered);
  });

  it('only reports orphans past their grace period on a dry run', async () => {
    const orphan = await aBlob();
    const report = await reconcileBlobs(store, blobs, options({ repair: false, orphansFirstSeen: new Map([[orphan.key, '2026-01-01T00:00:00.000Z']]) }));
    expect(report.orphans.map((entry) => entry.key)).toEqual([orphan.key]);
    expect(await blobs.head(orphan.key)).not.toBeNull();
  });

  it('reports a blob whose stored size does not fit the registry, from the record the store keeps', async () => {
    const blob = await aBlob();
    const documentId = await submit({ ...blob, size: blob.size + 1 });
    const stored = (await blobs.head(blob.key))!;
    const report = await reconcileBlobs(store, blobs, options());
    expect(report.mismatches).toEqual([
      { key: blob.key, documentId, expected: { sha256: blob.sha256, size: blob.size + 1 }, found: { sha256: stored.sha256, size: stored.size }, checked: 'stored' },
    ]);
    expect(foundDataLoss(report)).toBe(true);
  });

  it('holds the decrypted bytes against the hash in the registry when asked to read every byte', async () => {
    const blob = await aBlob();
    const documentId = await submit({ ...blob, sha256: 'f'.repeat(64) });
    expect((await reconcileBlobs(store, blobs, options())).mismatches).toEqual([]);
    const deep = await reconcileBlobs(store, blobs, options({ deep: true }));
    expect(deep.mismatches).toEqual([{ key: blob.key, documentId, expected: { sha256: 'f'.repeat(64), size: blob.size }, found: { sha256: blob.sha256, size: blob.size }, checked: 'content' }]);
  });

  it('finds bitrot only when asked to read every byte', async () => {
    const blob = await aBlob();
    const documentId = await submit(blob);
    const stored = (await blobs.head(blob.key))!;
    await writeFile(await dataFileOf(blob.key), randomBytes(stored.size));

    expect((await reconcileBlobs(store, blobs, options())).mismatches).toEqual([]);
    const deep = await reconcileBlobs(store, blobs, options({ deep: true }));
    expect(deep.mismatches).toEqual([{ key: blob.key, documentId, expected: { sha256: blob.sha256, size: blob.size }, found: null, checked: 'content' }]);
    expect(foundDataLoss(deep)).toBe(true);
  });

  it('skips and counts erased customers: their blobs cannot be read, and once deleted are not lost', async () => {
    const erasedCustomer = `C-${randomUUID()}`;
    const [kept, deleted] = [await aBlob(erasedCustomer), await aBlob(erasedCustomer)];
    await submit(kept, erasedCustomer);
    await submit(deleted, erasedCustomer);
    await submit(await aBlob());
    await keys.destroy(erasedCustomer);
    await blobs.delete(deleted.key);

    const deep = await reconcileBlobs(store, blobs, options({ deep: true }));
    expect(deep).toMatchObject({ registered: 3, erased: 2, missing: [], mismatches: [] });
    expect(foundDataLoss(deep)).toBe(false);
  });

  it('carries what it saw from one run to the next through the data directory', async () => {
    const orphan = await aBlob();
    const report = await reconcileBlobs(store, blobs, options());
    await saveReconciliationState(dir, stateAfter(report));
    const loaded = await loadReconciliationState(dir);
    expect(loaded.orphansFirstSeen).toEqual(new Map([[orphan.key, now.toISOString()]]));
    expect(loaded.last).toMatchObject({ counts: { orphans: 1, missing: 0, mismatches: 0 } });
  });
});
