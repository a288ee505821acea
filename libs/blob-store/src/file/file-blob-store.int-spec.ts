import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, open, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  BlobAlreadyExistsError,
  BlobIntegrityError,
  BlobLockedError,
  BlobNotFoundError,
  BlobStoreUnavailableError,
} from '../blob-store.errors';
import type { BlobStore, StoredBlob } from '../blob-store.port';
import { digestStream, failingStream, generatedStream, readAllBytes } from '../testing';
import { createFileBlobStore } from './file-blob-store';

describe('file blob store', () => {
  let root: string;
  let store: BlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kluis-file-blobs-'));
    store = createFileBlobStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const put = (key: string, text: string): Promise<StoredBlob> => store.put(key, Readable.from([Buffer.from(text)]));

  it('finds what an earlier instance stored, as after a restart', async () => {
    const stored = await store.put('customer-1/passport', generatedStream(300_000, 'restart'));

    const restarted = createFileBlobStore(root);

    await expect(restarted.head('customer-1/passport')).resolves.toEqual(stored);
    await expect(digestStream(await restarted.get('customer-1/passport'))).resolves.toEqual({
      size: stored.size,
      sha256: stored.sha256,
    });
    await expect(listAll(restarted)).resolves.toEqual([stored]);
  });

  describe('reading checks the bytes against the hash recorded when they were written', () => {
    it('fails the stream with BlobIntegrityError when a byte was flipped on disk', async () => {
      const stored = await store.put('customer-1/deed', generatedStream(200_000, 'bitrot'));
      await flipByte(await dataFileOf(root, 'customer-1', 'deed'), 123_456);

      const failure = await digestStream(await store.get('customer-1/deed')).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(BlobIntegrityError);
      expect(failure).toMatchObject({ key: 'customer-1/deed', expectedSha256: stored.sha256 });
      expect((failure as BlobIntegrityError).actualSha256).not.toBe(stored.sha256);
      await expect(store.head('customer-1/deed')).resolves.toEqual(stored);
    });

    it('fails the stream with BlobIntegrityError when the file was truncated', async () => {
      await put('customer-1/id-card', 'front and back of the card');
      await truncate(await dataFileOf(root, 'customer-1', 'id-card'), 5);

      await expect(readAllBytes(await store.get('customer-1/id-card'))).rejects.toBeInstanceOf(BlobIntegrityError);
    });

    it('fails the stream with BlobIntegrityError when bytes were appended', async () => {
      await put('customer-1/proof', 'a utility bill');
      await appendFile(await dataFileOf(root, 'customer-1', 'proof'), 'and more');

      await expect(readAllBytes(await store.get('customer-1/proof'))).rejects.toBeInstanceOf(BlobIntegrityError);
    });

    it('reports a blob whose bytes vanished as an integrity failure, not as never stored', async () => {
      await put('customer-1/lost', 'soon lost');
      await rm(await dataFileOf(root, 'customer-1', 'lost'));

      await expect(store.get('customer-1/lost')).rejects.toBeInstanceOf(BlobIntegrityError);
    });

    it('refuses to vouch for a blob whose sidecar is unreadable', async () => {
      await put('customer-1/garbled', 'fine bytes');
      await writeFile(join(root, 'customer-1', 'garbled.meta'), '{"format":1,"size":');

      await expect(store.head('customer-1/garbled')).rejects.toBeInstanceOf(BlobIntegrityError);
      await expect(store.get('customer-1/garbled')).rejects.toBeInstanceOf(BlobIntegrityError);
    });
  });

  describe('a failed put', () => {
    it('leaves no file behind, temporary or not', async () => {
      const cutOff = new Error('connection reset');

      await expect(store.put('customer-2/scan', failingStream(3 * 1024 * 1024, cutOff))).rejects.toBe(cutOff);

      await expect(filesUnder(root)).resolves.toEqual([]);
    });

    it('fails with BlobStoreUnavailableError when the root cannot hold directories', async () => {
      const notADirectory = join(root, 'a-file');
      await writeFile(notADirectory, 'in the way');
      const broken = createFileBlobStore(notADirectory);

      await expect(broken.put('customer-3/scan', Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
        BlobStoreUnavailableError,
      );
      await expect(broken.ping()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    });
  });

  it('lets exactly one of many concurrent puts to the same key win', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) => `attempt ${i} ${randomUUID()}`);

    const outcomes = await Promise.allSettled(attempts.map((text) => put('customer-4/contested', text)));

    const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [attempts[i]] : []));
    const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(attempts.length - 1);
    losers.forEach((reason) => expect(reason).toBeInstanceOf(BlobAlreadyExistsError));
    expect((await readAllBytes(await store.get('customer-4/contested'))).toString()).toBe(winners[0]);
    await expect(filesUnder(join(root, 'customer-4'))).resolves.toHaveLength(2);
  });

  it('lists only committed blobs, ignoring leftovers of crashed puts', async () => {
    const stored = await put('customer-5/kept', 'kept');
    await writeFile(join(root, 'customer-5', '.crashed.0123456789abcdef.meta.tmp'), '{}');
    await writeFile(join(root, 'customer-5', 'crashed.0123456789abcdef.blob'), 'half a blob');

    await expect(listAll(store)).resolves.toEqual([stored]);
    await expect(store.head('customer-5/crashed')).resolves.toBeNull();
  });

  describe('retention and legal hold', () => {
    const DAY_MS = 24 * 3600_000;
    let now: Date;
    let clocked: BlobStore;

    beforeEach(() => {
      now = new Date('2031-03-01T09:00:00.000Z');
      clocked = createFileBlobStore(root, { now: () => now });
    });

    const putIn = (key: string): Promise<StoredBlob> =>
      clocked.put(key, Readable.from([Buffer.from('a power of attorney')]));

    it('lets a blob go once its retention has passed on the store clock, and leaves no file behind', async () => {
      const { key } = await putIn('customer-7/mandate');
      await clocked.retainUntil(key, new Date(now.getTime() + 5 * 365 * DAY_MS));

      now = new Date(now.getTime() + 5 * 365 * DAY_MS - 1000);
      await expect(clocked.delete(key)).rejects.toBeInstanceOf(BlobLockedError);
      now = new Date(now.getTime() + 1000);
      await clocked.delete(key);

      await expect(clocked.head(key)).resolves.toBeNull();
      await expect(filesUnder(root)).resolves.toEqual([]);
    });

    it('keeps retention and hold across a restart', async () => {
      const stored = await putIn('customer-7/deed');
      await clocked.retainUntil(stored.key, new Date('2036-03-01T09:00:00.250Z'));
      await clocked.legalHold(stored.key, true);

      const restarted = createFileBlobStore(root, { now: () => now });

      await expect(restarted.head(stored.key)).resolves.toEqual({
        ...stored,
        retainUntil: '2036-03-01T09:00:01.000Z',
        legalHold: true,
      });
      await expect(restarted.delete(stored.key)).rejects.toBeInstanceOf(BlobLockedError);
    });

    it('keeps the latest of many retentions set at once', async () => {
      const { key } = await putIn('customer-7/contested-retention');
      const dates = Array.from({ length: 20 }, (_, i) => new Date(now.getTime() + ((i * 7) % 20) * DAY_MS + DAY_MS));

      await Promise.all(dates.map((until) => clocked.retainUntil(key, until)));

      await expect(clocked.head(key)).resolves.toMatchObject({
        retainUntil: new Date(now.getTime() + 20 * DAY_MS).toISOString(),
      });
    });

    it('locks a key without touching a longer key beside it', async () => {
      const parent = await putIn('customer-7/folder');
      const child = await putIn('customer-7/folder/child');
      await clocked.legalHold(parent.key, true);

      await clocked.delete(child.key);

      await expect(listAll(clocked)).resolves.toEqual([parent]);
      await expect(clocked.head(parent.key)).resolves.toEqual({ ...parent, legalHold: true });
    });

    it('refuses to vouch for, or delete, a blob whose lock is unreadable', async () => {
      const { key } = await putIn('customer-7/garbled-lock');
      await clocked.legalHold(key, true);
      await writeFile(join(root, 'customer-7', 'garbled-lock.lock'), '{"format":1,"legalHold":');

      await expect(clocked.head(key)).rejects.toBeInstanceOf(BlobIntegrityError);
      await expect(clocked.delete(key)).rejects.toBeInstanceOf(BlobIntegrityError);
      await expect(clocked.legalHold(key, false)).rejects.toBeInstanceOf(BlobIntegrityError);
      expect((await readAllBytes(await clocked.get(key))).toString()).toBe('a power of attorney');
    });
  });

  it('deletes the bytes with the blob', async () => {
    await put('customer-6/gone', 'gone soon');

    await store.delete('customer-6/gone');

    await expect(filesUnder(root)).resolves.toEqual([]);
    await expect(store.get('customer-6/gone')).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});

async function listAll(store: BlobStore): Promise<StoredBlob[]> {
  const blobs: StoredBlob[] = [];
  for await (const blob of store.list()) blobs.push(blob);
  return blobs;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function dataFileOf(root: string, dir: string, name: string): Promise<string> {
  const isDataFile = (file: string): boolean => file.startsWith(`${name}.`) && file.endsWith('.blob');
  const names = (await readdir(join(root, dir))).filter(isDataFile);
  if (names.length !== 1) throw new Error(`expected one data file for ${name}, found ${names.length}`);
  return join(root, dir, names[0]);
}

async function flipByte(path: string, position: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, position);
    byte[0] ^= 0xff;
    await handle.write(byte, 0, 1, position);
  } finally {
    await handle.close();
  }
}
