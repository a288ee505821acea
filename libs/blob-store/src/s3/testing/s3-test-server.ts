import { randomBytes } from 'node:crypto';
import { Client, LEGAL_HOLD_STATUS } from 'minio';
import { DEFAULT_S3_REGION, type S3BlobStoreConfig } from '../s3-blob-store.config';

export interface S3TestServer {
  readonly endPoint: string;
  readonly port: number;
  readonly useSSL: boolean;
  readonly accessKey: string;
  readonly secretKey: string;
}

const HOW_TO_START =
  'start one with `eval "$(scripts/services/rgw.sh up <dir> <port>)"` (needs radosgw, ceph-mon and ceph-osd)';

/** The S3 server the services specs run against, from TEST_S3_ENDPOINT, TEST_S3_ACCESS_KEY and TEST_S3_SECRET_KEY. */
export function s3TestServerFromEnv(env: NodeJS.ProcessEnv = process.env): S3TestServer {
  const missing = ['TEST_S3_ENDPOINT', 'TEST_S3_ACCESS_KEY', 'TEST_S3_SECRET_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`the S3 services specs need ${missing.join(', ')}: ${HOW_TO_START}`);
  const endpoint = new URL(env.TEST_S3_ENDPOINT as string);
  const useSSL = endpoint.protocol === 'https:';
  return {
    endPoint: endpoint.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: endpoint.port === '' ? (useSSL ? 443 : 80) : Number(endpoint.port),
    useSSL,
    accessKey: env.TEST_S3_ACCESS_KEY as string,
    secretKey: env.TEST_S3_SECRET_KEY as string,
  };
}

/** A configuration with a bucket of its own, so that each run starts empty. */
export function testStoreConfig(server: S3TestServer, overrides: Partial<S3BlobStoreConfig> = {}): S3BlobStoreConfig {
  const bucket = `kluis-test-${randomBytes(6).toString('hex')}`;
  return {
    ...server,
    region: DEFAULT_S3_REGION,
    bucket,
    stagingBucket: bucket,
    versioning: false,
    timeoutMs: 30_000,
    ...overrides,
  };
}

/** A plain client, to look at and tamper with what the store wrote. */
export function rawClient(server: S3TestServer): Client {
  return new Client({ ...server, region: DEFAULT_S3_REGION });
}

/**
 * Removes every version, delete marker and unfinished upload, then the bucket; legal holds are lifted and governance
 * retention is bypassed.
 */
export async function removeBucketCompletely(client: Client, bucket: string): Promise<void> {
  if (!(await client.bucketExists(bucket))) return;
  for (;;) {
    const page = await client.listObjectsQuery(bucket, '', '', { Delimiter: '', MaxKeys: 1000, IncludeVersion: true });
    const entries = page.objects as { name?: string; versionId?: string }[];
    if (entries.length === 0) break;
    for (const { name, versionId } of entries) {
      if (!name) continue;
      const remove = () => client.removeObject(bucket, name, { versionId, governanceBypass: true });
      await remove().catch(async (error: unknown) => {
        if ((error as { code?: unknown }).code !== 'AccessDenied' || !versionId) throw error;
        await client.setObjectLegalHold(bucket, name, { status: LEGAL_HOLD_STATUS.DISABLED, versionId });
        await remove();
      });
    }
  }
  for (const upload of await incompleteUploads(client, bucket)) await client.removeIncompleteUpload(bucket, upload);
  await client.removeBucket(bucket);
}

/** Names of the objects whose multipart upload was started and neither completed nor aborted. */
export async function incompleteUploads(client: Client, bucket: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for await (const upload of client.listIncompleteUploads(bucket, prefix, true)) names.push(upload.key);
  return names;
}

/** Names of every object in `bucket` under `prefix`. */
export async function objectNames(client: Client, bucket: string, prefix = ''): Promise<string[]> {
  const page = await client.listObjectsQuery(bucket, prefix, '', { Delimiter: '', MaxKeys: 1000 });
  return (page.objects as { name?: string }[]).flatMap((entry) => (entry.name ? [entry.name] : []));
}
