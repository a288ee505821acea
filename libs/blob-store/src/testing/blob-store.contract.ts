import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobAlreadyExistsError, BlobNotFoundError, InvalidBlobKeyError } from '../blob-store.errors';
import type { BlobStore, StoredBlob } from '../blob-store.port';
import { failingStream, generatedStream, sha256Of } from './generated-stream';
import { digestStream, readAllBytes, sha256Hex } from './read-all';

export interface BlobStoreUnderTest {
  readonly store: BlobStore;
  readonly teardown: () => Promise<void>;
}

const MiB = 1024 * 1024;
const LARGE_TEST_MS = 180_000;

/**
 * The behaviour every `BlobStore` adapter promises. An adapter's `*.contract-spec.ts` (or `*.services-spec.ts` for
 * a real server) calls this with a factory for a fresh, empty store, and adds nothing to it.
 */
export function describeBlobStoreContract(name: string, makeStore: () => Promise<BlobStoreUnderTest>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let underTest: BlobStoreUnderTest | undefined;
    const store = (): BlobStore => {
      if (!underTest) throw new Error('the store under test was not created');
      return underTest.store;
    };
    // Every test writes under its own prefix, so tests never see each other's blobs.
    const keyPrefix = (): string => `contract-${randomUUID()}`;

    beforeAll(async () => {
      underTest = await makeStore();
    }, 60_000);

    afterAll(async () => {
      await underTest?.teardown();
    }, 60_000);

    describe('put, get and head', () => {
      it('returns the size and SHA-256 of the bytes it stored', async () => {
        const key = `${keyPrefix()}/passport`;
        const bytes = Buffer.from('a scanned passport, or close enough');

        await expect(store().put(key, Readable.from([bytes]))).resolves.toEqual({
          key,
          size: bytes.length,
          sha256: sha256Hex(bytes),
        });
      });

      it('streams back byte-identical content', async () => {
        const key = `${keyPrefix()}/deed`;
        const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
        await store().put(key, Readable.from([bytes]));

        expect((await readAllBytes(await store().get(key))).equals(bytes)).toBe(true);
      });

      it('heads a stored blob as the same StoredBlob that put returned', async () => {
        const key = `${keyPrefix()}/id-card`;
        const stored = await store().put(key, Readable.from([Buffer.from('front and back')]));

        await expect(store().head(key)).resolves.toEqual(stored);
      });

      it('stores an empty blob', async () => {
        const key = `${keyPrefix()}/empty`;
        const stored = await store().put(key, Readable.from([]));

        expect(stored).toEqual({ key, size: 0, sha256: sha256Hex('') });
        await expect(store().head(key)).resolves.toEqual(stored);
        expect((await readAllBytes(await store().get(key))).length).toBe(0);
      });

      it('joins a stream of many chunks of uneven sizes', async () => {
        const key = `${keyPrefix()}/chunked`;
        const chunks = [1, 0, 17, 4096, 3, 65_537, 1, 100_000].map((size, i) => Buffer.alloc(size, i + 1));
        const whole = Buffer.concat(chunks);

        const stored = await store().put(key, Readable.from(chunks));

        expect(stored).toEqual({ key, size: whole.length, sha256: sha256Hex(whole) });
        expect((await readAllBytes(await store().get(key))).equals(whole)).toBe(true);
      });

      it(
        'round-trips a large stream generated chunk by chunk',
        async () => {
          const key = `${keyPrefix()}/large`;
          const size = 30 * MiB + 123;
          const seed = randomUUID();

          const stored = await store().put(key, generatedStream(size, seed));

          expect(stored).toEqual({ key, size, sha256: sha256Of(seed, size) });
          await expect(digestStream(await store().get(key))).resolves.toEqual({ size, sha256: stored.sha256 });
        },
        LARGE_TEST_MS,
      );

      it('keeps a key and a longer key it is a path prefix of apart', async () => {
        const prefix = keyPrefix();
        const parent = await store().put(`${prefix}/folder`, Readable.from([Buffer.from('parent')]));
        const child = await store().put(`${prefix}/folder/child`, Readable.from([Buffer.from('child')]));

        await expect(store().head(`${prefix}/folder`)).resolves.toEqual(parent);
        await expect(store().head(`${prefix}/folder/child`)).resolves.toEqual(child);
        expect((await readAllBytes(await store().get(`${prefix}/folder`))).toString()).toBe('parent');
      });
    });

    describe('a key is written once', () => {
      it('refuses a put to an existing key and keeps the original intact', async () => {
        const key = `${keyPrefix()}/once`;
        const original = await store().put(key, Readable.from([Buffer.from('the original')]));

        const refusal = await caught(store().put(key, Readable.from([Buffer.from('an impostor')])));

        expect(refusal).toBeInstanceOf(BlobAlreadyExistsError);
        expect(refusal).toMatchObject({ key, code: 'BLOB_STORE.ALREADY_EXISTS' });
        await expect(store().head(key)).resolves.toEqual(original);
        expect((await readAllBytes(await store().get(key))).toString()).toBe('the original');
      });
    });

    describe('a put whose source fails leaves nothing behind', () => {
      it.each([
        ['within the first megabyte', 64 * 1024],
        ['after several megabytes', 12 * MiB + 5],
      ])(
        'rethrows the source error %s, and the key stays free',
        async (_when, bytesBeforeFailure) => {
          const key = `${keyPrefix()}/cut-off`;
          const cutOff = new Error('the client went away');

          await expect(store().put(key, failingStream(bytesBeforeFailure, cutOff))).rejects.toBe(cutOff);

          await expect(store().head(key)).resolves.toBeNull();
          await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
          expect((await listUnder(store(), key)).length).toBe(0);
          const retried = await store().put(key, Readable.from([Buffer.from('second attempt')]));
          expect(retried.size).toBe('second attempt'.length);
        },
        LARGE_TEST_MS,
      );
    });

    describe('a missing key', () => {
      it('gets as BlobNotFoundError', async () => {
        const key = `${keyPrefix()}/never-stored`;

        const refusal = await caught(store().get(key));

        expect(refusal).toBeInstanceOf(BlobNotFoundError);
        expect(refusal).toMatchObject({ key, code: 'BLOB_STORE.NOT_FOUND' });
      });

      it('heads as null', async () => {
        await expect(store().head(`${keyPrefix()}/never-stored`)).resolves.toBeNull();
      });
    });

    describe('delete', () => {
      it('removes the blob, and may be repeated', async () => {
        const key = `${keyPrefix()}/withdrawn`;
        await store().put(key, Readable.from([Buffer.from('soon gone')]));

        await store().delete(key);

        await expect(store().head(key)).resolves.toBeNull();
        await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store().delete(key)).resolves.toBeUndefined();
      });

      it('accepts a key that never existed', async () => {
        await expect(store().delete(`${keyPrefix()}/never-stored`)).resolves.toBeUndefined();
      });

      it('frees the key for a new put', async () => {
        const key = `${keyPrefix()}/reused`;
        await store().put(key, Readable.from([Buffer.from('first')]));
        await store().delete(key);

        const second = await store().put(key, Readable.from([Buffer.from('second')]));

        await expect(store().head(key)).resolves.toEqual(second);
        expect((await readAllBytes(await store().get(key))).toString()).toBe('second');
      });
    });

    describe('keys', () => {
      const invalidKeys = [
        ['a parent reference', '../x'],
        ['a parent reference inside', 'a/../b'],
        ['an absolute path', '/etc/passwd'],
        ['uppercase letters', 'Passport'],
        ['the empty string', ''],
        ['spaces', 'my passport'],
        ['a dot', 'scan.pdf'],
        ['an empty segment', 'a//b'],
        ['a trailing slash', 'a/'],
        ['a backslash', 'a\\b'],
        ['a very long key', 'k'.repeat(600)],
      ];

      it.each(invalidKeys)('refuses %s in every operation', async (_what, key) => {
        const refusals = [
          await caught(store().put(key, Readable.from([Buffer.from('x')]))),
          await caught(store().get(key)),
          await caught(store().head(key)),
          await caught(store().delete(key)),
        ];

        for (const refusal of refusals) {
          expect(refusal).toBeInstanceOf(InvalidBlobKeyError);
          expect(refusal).toMatchObject({ code: 'BLOB_STORE.INVALID_KEY', key });
        }
      });

      it('accepts lowercase letters, digits, dashes and slashes', async () => {
        const key = `${keyPrefix()}/customer-42/document-7f3a/v1`;

        await expect(store().put(key, Readable.from([Buffer.from('ok')]))).resolves.toMatchObject({ key });
      });
    });

    describe('list', () => {
      it('yields every stored blob', async () => {
        const prefix = keyPrefix();
        const stored = [
          await store().put(`${prefix}/a`, Readable.from([Buffer.from('alpha')])),
          await store().put(`${prefix}/b/c`, Readable.from([Buffer.from('gamma')])),
          await store().put(`${prefix}/d`, Readable.from([])),
        ];
        await store().put(`${prefix}/e`, Readable.from([Buffer.from('deleted')]));
        await store().delete(`${prefix}/e`);

        const listed = await listUnder(store(), prefix);

        expect(byKey(listed)).toEqual(byKey(stored));
      });
    });

    describe('ping', () => {
      it('resolves when the store is reachable and writable', async () => {
        await expect(store().ping()).resolves.toBeUndefined();
      });
    });
  });
}

/** What `promise` rejects with; a promise that resolves fails the test. */
async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

async function listUnder(store: BlobStore, prefix: string): Promise<StoredBlob[]> {
  const found: StoredBlob[] = [];
  for await (const blob of store.list()) {
    if (blob.key === prefix || blob.key.startsWith(`${prefix}/`)) found.push(blob);
  }
  return found;
}

const byKey = (blobs: StoredBlob[]): StoredBlob[] => [...blobs].sort((a, b) => a.key.localeCompare(b.key));
