import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  BlobAlreadyExistsError,
  BlobLockedError,
  BlobLockUnsupportedError,
  BlobNotFoundError,
  InvalidBlobKeyError,
} from '../blob-store.errors';
import type { BlobStore, StoredBlob } from '../blob-store.port';
import { failingStream, generatedStream, sha256Of } from './generated-stream';
import { digestStream, readAllBytes, sha256Hex } from './read-all';

export interface BlobStoreUnderTest {
  readonly store: BlobStore;
  /** Removes what the tests stored, retained and held blobs included. */
  readonly teardown: () => Promise<void>;
}

export interface BlobStoreContractOptions {
  /**
   * False for a store opened without the means to lock blobs (an S3 bucket without object lock): the contract then
   * checks that it refuses to retain or hold rather than pretend to. A store that can lock must have no default
   * retention, so that the contract can delete what it stores.
   */
  readonly locking?: boolean;
}

const MiB = 1024 * 1024;
const DAY_MS = 24 * 3600_000;
const LARGE_TEST_MS = 180_000;

/**
 * The behaviour every `BlobStore` adapter promises. An adapter's `*.contract-spec.ts` (or `*.services-spec.ts` for
 * a real server) calls this with a factory for a fresh, empty store, and adds nothing to it.
 */
export function describeBlobStoreContract(
  name: string,
  makeStore: () => Promise<BlobStoreUnderTest>,
  options: BlobStoreContractOptions = {},
): void {
  const locking = options.locking !== false;
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
          await caught(store().retainUntil(key, new Date(Date.now() + DAY_MS))),
          await caught(store().legalHold(key, true)),
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

    describe('retention and legal hold', () => {
      const put = (key: string, text = 'a deed kept for the regulator'): Promise<StoredBlob> =>
        store().put(key, Readable.from([Buffer.from(text)]));
      const inDays = (days: number): Date => new Date(Date.now() + days * DAY_MS);
      // Stores keep whole seconds, rounded up.
      const asKept = (date: Date): string => new Date(Math.ceil(date.getTime() / 1000) * 1000).toISOString();

      // One of the two applies to a store, and only that one is registered.
      const forLocking = (expected: boolean, title: string, body: () => void): void => {
        if (locking === expected) describe(title, body);
      };

      forLocking(true, 'where the store can lock', () => {
        it('heads a blob never locked without lock fields', async () => {
          const stored = await put(`${keyPrefix()}/plain`);

          await expect(store().head(stored.key)).resolves.toStrictEqual(stored);
        });

        it('retains a blob until the given instant: delete is refused and the blob stays whole', async () => {
          const stored = await put(`${keyPrefix()}/retained`);
          const until = inDays(2);

          await store().retainUntil(stored.key, until);

          await expect(store().head(stored.key)).resolves.toEqual({ ...stored, retainUntil: asKept(until) });
          const refusal = await caught(store().delete(stored.key));
          expect(refusal).toBeInstanceOf(BlobLockedError);
          expect(refusal).toMatchObject({ key: stored.key, code: 'BLOB_STORE.LOCKED' });
          expect((await readAllBytes(await store().get(stored.key))).toString()).toBe('a deed kept for the regulator');
        });

        it('neither deletes nor overwrites a locked blob: its bytes and lock stay as they were', async () => {
          const retained = await put(`${keyPrefix()}/locked`);
          const held = await put(`${keyPrefix()}/held-locked`);
          await store().retainUntil(retained.key, inDays(2));
          await store().legalHold(held.key, true);

          for (const locked of [retained, held]) {
            const before = await store().head(locked.key);
            await expect(store().delete(locked.key)).rejects.toBeInstanceOf(BlobLockedError);
            await expect(store().put(locked.key, Readable.from([Buffer.from('a forged deed')]))).rejects.toBeInstanceOf(BlobAlreadyExistsError);
            await expect(store().head(locked.key)).resolves.toEqual(before);
            expect(sha256Hex(await readAllBytes(await store().get(locked.key)))).toBe(locked.sha256);
          }
          await store().legalHold(held.key, false);
        });

        it('only ever extends a retention', async () => {
          const { key } = await put(`${keyPrefix()}/extended`);
          const later = inDays(3);

          await store().retainUntil(key, inDays(2));
          await store().retainUntil(key, later);
          await store().retainUntil(key, inDays(1));

          await expect(store().head(key)).resolves.toMatchObject({ retainUntil: asKept(later) });
        });

        it('takes a retention already past as nothing to do', async () => {
          const stored = await put(`${keyPrefix()}/long-ago`);

          await store().retainUntil(stored.key, new Date(Date.now() - DAY_MS));

          await expect(store().head(stored.key)).resolves.toStrictEqual(stored);
          await store().delete(stored.key);
          await expect(store().head(stored.key)).resolves.toBeNull();
        });

        it('refuses to delete a held blob until the hold is lifted', async () => {
          const stored = await put(`${keyPrefix()}/held`);

          await store().legalHold(stored.key, true);
          await store().legalHold(stored.key, true);

          await expect(store().head(stored.key)).resolves.toEqual({ ...stored, legalHold: true });
          await expect(store().delete(stored.key)).rejects.toBeInstanceOf(BlobLockedError);
          await store().legalHold(stored.key, false);
          await expect(store().head(stored.key)).resolves.toStrictEqual(stored);
          await store().delete(stored.key);
          await expect(store().head(stored.key)).resolves.toBeNull();
        });

        it('keeps the retention when a hold is lifted', async () => {
          const stored = await put(`${keyPrefix()}/held-and-retained`);
          const until = inDays(2);
          await store().retainUntil(stored.key, until);
          await store().legalHold(stored.key, true);

          await expect(store().head(stored.key)).resolves.toEqual({
            ...stored,
            retainUntil: asKept(until),
            legalHold: true,
          });
          await store().legalHold(stored.key, false);

          await expect(store().head(stored.key)).resolves.toEqual({ ...stored, retainUntil: asKept(until) });
          await expect(store().delete(stored.key)).rejects.toBeInstanceOf(BlobLockedError);
        });

        it('lists locked blobs as the blobs they are, and nothing more', async () => {
          const prefix = keyPrefix();
          const retained = await put(`${prefix}/retained`);
          const held = await put(`${prefix}/held`);
          await store().retainUntil(retained.key, inDays(1));
          await store().legalHold(held.key, true);

          expect(byKey(await listUnder(store(), prefix))).toEqual(byKey([retained, held]));
        });

        it('refuses to lock a missing blob with BlobNotFoundError', async () => {
          const key = `${keyPrefix()}/never-stored`;

          await expect(store().retainUntil(key, inDays(1))).rejects.toBeInstanceOf(BlobNotFoundError);
          await expect(store().legalHold(key, true)).rejects.toBeInstanceOf(BlobNotFoundError);
          await expect(store().head(key)).resolves.toBeNull();
        });
      });

      forLocking(false, 'where the store cannot lock', () => {
        it('refuses to retain or hold with BlobLockUnsupportedError, and the blob stays deletable', async () => {
          const stored = await put(`${keyPrefix()}/unlockable`);

          const refusals = [
            await caught(store().retainUntil(stored.key, inDays(1))),
            await caught(store().legalHold(stored.key, true)),
          ];

          for (const refusal of refusals) {
            expect(refusal).toBeInstanceOf(BlobLockUnsupportedError);
            expect(refusal).toMatchObject({ key: stored.key, code: 'BLOB_STORE.LOCK_UNSUPPORTED' });
          }
          await expect(store().head(stored.key)).resolves.toStrictEqual(stored);
          await store().delete(stored.key);
        });
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
