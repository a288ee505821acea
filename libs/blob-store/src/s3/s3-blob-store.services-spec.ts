import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobIntegrityError, BlobLockedError } from '../blob-store.errors';
import {
  describeBlobStoreContract,
  digestStream,
  failingStream,
  generatedStream,
  readAllBytes,
  sha256Of,
} from '../testing';
import { InvalidS3BlobStoreConfigError, type S3BlobStoreConfig } from './s3-blob-store.config';
import { createS3BlobStore, type S3BlobStore } from './s3-blob-store';
import { createS3Client } from './s3-client';
import { PART_SIZE, STAGING_PREFIX, discardStaged, uploadToStaging } from './s3-staging-upload';
import {
  incompleteUploads,
  objectNames,
  rawClient,
  removeBucketCompletely,
  s3TestServerFromEnv,
  testStoreConfig,
} from './testing/s3-test-server';

const server = s3TestServerFromEnv();
const client = rawClient(server);
const MiB = 1024 * 1024;
const SLOW_MS = 120_000;

async function openStore(overrides: Partial<S3BlobStoreConfig> = {}) {
  const config = testStoreConfig(server, overrides);
  const store = createS3BlobStore(config);
  await store.ensureBucket();
  const teardown = async (): Promise<void> => {
    await removeBucketCompletely(client, config.bucket);
    await removeBucketCompletely(client, config.stagingBucket);
  };
  return { store, config, teardown };
}

describeBlobStoreContract('S3, plain bucket', () => openStore(), { locking: false });

describeBlobStoreContract('S3, versioned bucket', () => openStore({ versioning: true }), { locking: false });

describeBlobStoreContract('S3, object lock without default retention', () => {
  const bucket = `kluis-test-lock-${randomUUID().slice(0, 8)}`;
  // Governance mode, so that the run can clean up after itself; compliance differs only in who may bypass it.
  return openStore({ bucket, stagingBucket: `${bucket}-staging`, versioning: true, objectLock: { mode: 'GOVERNANCE' } });
});

describe('S3 blob store', () => {
  let store: S3BlobStore;
  let config: S3BlobStoreConfig;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    ({ store, config, teardown } = await openStore());
  }, 60_000);

  afterAll(() => teardown(), 60_000);

  const key = (name: string): string => `s3-${randomUUID()}/${name}`;

  it('records the hash as object metadata', async () => {
    const stored = await store.put(key('passport'), Readable.from([Buffer.from('machine readable zone')]));

    const stat = await client.statObject(config.bucket, stored.key);

    expect(stat.metaData.sha256).toBe(stored.sha256);
  });

  it('fails the read with BlobIntegrityError when the bytes were replaced behind its back', async () => {
    const stored = await store.put(key('deed'), Readable.from([Buffer.from('the genuine deed')]));
    const forged = Buffer.from('a forged deed!!!');
    await client.putObject(config.bucket, stored.key, forged, forged.length, { sha256: stored.sha256 });

    const failure = await readAllBytes(await store.get(stored.key)).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BlobIntegrityError);
    expect(failure).toMatchObject({ key: stored.key, expectedSha256: stored.sha256 });
  });

  it('refuses to vouch for an object that carries no hash', async () => {
    const name = key('foreign');
    await client.putObject(config.bucket, name, Buffer.from('not written by the vault'), 24);

    await expect(store.head(name)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(store.get(name)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it(
    'uploads a 30 MB stream of unknown length in parts of bounded size',
    async () => {
      const size = 30 * MiB;
      const seed = randomUUID();

      const storeClient = createS3Client(config);

      const staged = await uploadToStaging(storeClient, config.stagingBucket, generatedStream(size, seed), 30_000);

      try {
        const stat = await client.statObject(staged.bucket, staged.name);
        expect(stat.size).toBe(size);
        // A multipart object's ETag ends in its number of parts.
        expect(stat.etag).toMatch(new RegExp(`-${Math.ceil(size / PART_SIZE)}$`));
        expect(staged.sha256).toBe(sha256Of(seed, size));
      } finally {
        await discardStaged(client, staged, config.timeoutMs);
      }
    },
    SLOW_MS,
  );

  it(
    'removes what it staged when the source fails during a multipart upload',
    async () => {
      const cutOff = new Error('the branch lost its connection');

      await expect(store.put(key('cut-off'), failingStream(2 * PART_SIZE + 1234, cutOff))).rejects.toBe(cutOff);

      await expect(objectNames(client, config.stagingBucket, STAGING_PREFIX)).resolves.toEqual([]);
      await expect(incompleteUploads(client, config.stagingBucket, STAGING_PREFIX)).resolves.toEqual([]);
    },
    SLOW_MS,
  );

  it('leaves no staged object behind after a put', async () => {
    await store.put(key('tidy'), generatedStream(PART_SIZE + 1, 'tidy'));

    await expect(objectNames(client, config.stagingBucket, STAGING_PREFIX)).resolves.toEqual([]);
  });
});

describe('S3 blob store with object lock', () => {
  let store: S3BlobStore;
  let config: S3BlobStoreConfig;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    const bucket = `kluis-test-lock-${randomUUID().slice(0, 8)}`;
    ({ store, config, teardown } = await openStore({
      bucket,
      stagingBucket: `${bucket}-staging`,
      versioning: true,
      // Governance mode, so that the test can clean up after itself; compliance differs only in who may bypass it.
      objectLock: { mode: 'GOVERNANCE', retentionDays: 1 },
    }));
  }, 60_000);

  afterAll(() => teardown(), 60_000);

  it('creates the bucket with object lock, versioning and the default retention', async () => {
    await expect(client.getObjectLockConfig(config.bucket)).resolves.toEqual({
      objectLockEnabled: 'Enabled',
      mode: 'GOVERNANCE',
      unit: 'Days',
      validity: 1,
    });
    await expect(client.getBucketVersioning(config.bucket)).resolves.toMatchObject({ Status: 'Enabled' });
  });

  it('locks every blob it stores until the retention has passed', async () => {
    const before = Date.now();
    const stored = await store.put(`locked-${randomUUID()}`, Readable.from([Buffer.from('notarial deed')]));

    const retention = await client.getObjectRetention(config.bucket, stored.key, {
      versionId: (await client.statObject(config.bucket, stored.key)).versionId ?? '',
    });

    expect(retention?.mode).toBe('GOVERNANCE');
    const retainedUntil = Date.parse(retention?.retainUntilDate ?? '');
    expect(retainedUntil).toBeGreaterThanOrEqual(before + 24 * 3600_000 - 5_000);
    expect(retainedUntil).toBeLessThanOrEqual(Date.now() + 24 * 3600_000 + 5_000);
  });

  it('refuses to delete a locked blob with BlobLockedError, and keeps it readable', async () => {
    const stored = await store.put(`locked-${randomUUID()}`, generatedStream(100_000, 'locked'));

    const refusal = await store.delete(stored.key).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(BlobLockedError);
    expect(refusal).toMatchObject({ key: stored.key, code: 'BLOB_STORE.LOCKED' });
    await expect(store.head(stored.key)).resolves.toEqual({ ...stored, retainUntil: expect.any(String) });
    await expect(digestStream(await store.get(stored.key))).resolves.toEqual({ size: 100_000, sha256: stored.sha256 });
  });

  it('stages uploads outside the locked bucket, and removes them', async () => {
    await store.put(`locked-${randomUUID()}`, Readable.from([Buffer.from('staged elsewhere')]));

    await expect(objectNames(client, config.stagingBucket)).resolves.toEqual([]);
    const names = await objectNames(client, config.bucket, STAGING_PREFIX);
    expect(names).toEqual([]);
  });

  it('reports the default retention in head, and extends it in the configured mode', async () => {
    const stored = await store.put(`locked-${randomUUID()}`, Readable.from([Buffer.from('kept for the regulator')]));
    const versionId = (await client.statObject(config.bucket, stored.key)).versionId ?? '';
    const defaultRetention = await client.getObjectRetention(config.bucket, stored.key, { versionId });
    const until = new Date(Date.now() + 3 * 24 * 3600_000);

    await expect(store.head(stored.key)).resolves.toEqual({
      ...stored,
      retainUntil: new Date(defaultRetention?.retainUntilDate ?? '').toISOString(),
    });
    await store.retainUntil(stored.key, until);

    const extended = await client.getObjectRetention(config.bucket, stored.key, { versionId });
    expect(extended?.mode).toBe('GOVERNANCE');
    expect(Date.parse(extended?.retainUntilDate ?? '')).toBe(Math.ceil(until.getTime() / 1000) * 1000);
  });

  it('refuses an existing bucket without object lock', async () => {
    const plain = await openStore();
    try {
      const locked = createS3BlobStore({
        ...plain.config,
        stagingBucket: `${plain.config.bucket}-staging`,
        versioning: true,
        objectLock: { mode: 'GOVERNANCE', retentionDays: 1 },
      });

      const refusal = await locked.ensureBucket().catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(InvalidS3BlobStoreConfigError);
      expect(refusal).toMatchObject({ parameter: 'objectLock' });
    } finally {
      await plain.teardown();
    }
  });
});
