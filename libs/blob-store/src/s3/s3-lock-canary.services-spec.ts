import { randomUUID } from 'node:crypto';
import { createS3BlobStore } from './s3-blob-store';
import { createObjectLockCanary, LOCK_CANARY_PREFIX, LOCK_CANARY_RETENTION_MS } from './s3-lock-canary';
import { rawClient, removeBucketCompletely, s3TestServerFromEnv, testStoreConfig } from './testing/s3-test-server';

const server = s3TestServerFromEnv();
const client = rawClient(server);

async function canaryNames(bucket: string): Promise<string[]> {
  const page = await client.listObjectsQuery(bucket, LOCK_CANARY_PREFIX, '', { Delimiter: '', MaxKeys: 1000, IncludeVersion: true });
  return (page.objects as { name?: string }[]).flatMap((entry) => (entry.name ? [entry.name] : []));
}

/** The canary against a server that enforces object lock: a COMPLIANCE version cannot be deleted. */
describe('object lock canary', () => {
  const bucket = `kluis-test-canary-${randomUUID().slice(0, 8)}`;
  // Without a default retention, so that the canary's own minute is all that keeps it.
  const config = testStoreConfig(server, { bucket, stagingBucket: `${bucket}-staging`, versioning: true, objectLock: { mode: 'COMPLIANCE' } });
  const store = createS3BlobStore(config);

  beforeAll(() => store.ensureBucket(), 60_000);
  afterAll(async () => {
    // Only canaries are in the bucket: once their minute is over, nothing is locked any more.
    await new Promise((resolve) => setTimeout(resolve, LOCK_CANARY_RETENTION_MS));
    await removeBucketCompletely(client, config.bucket);
    await removeBucketCompletely(client, config.stagingBucket);
  }, LOCK_CANARY_RETENTION_MS + 60_000);

  it('finds the lock enforced, keeps the canary out of the blobs, and removes it once its minute is over', async () => {
    const canary = createObjectLockCanary(config);

    await expect(canary.prove()).resolves.toBe('enforced');
    const [first] = await canaryNames(bucket);
    expect(first).toBeDefined();
    const blobs: string[] = [];
    for await (const blob of store.list()) blobs.push(blob.key);
    expect(blobs).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, LOCK_CANARY_RETENTION_MS + 2_000));
    await expect(canary.prove()).resolves.toBe('enforced');
    const after = await canaryNames(bucket);
    expect(after).toHaveLength(1);
    expect(after).not.toContain(first);
  }, 2 * LOCK_CANARY_RETENTION_MS + 30_000);
});
