import { InvalidS3BlobStoreConfigError, parseS3BlobStoreUrl } from './s3-blob-store.config';

const SECRET = 'sup3r/s3cret+key';
const ENCODED_SECRET = encodeURIComponent(SECRET);
const noEnv = {};

describe('parseS3BlobStoreUrl', () => {
  it('reads endpoint, credentials and bucket from the URL', () => {
    const config = parseS3BlobStoreUrl(
      `s3://vault-app:${ENCODED_SECRET}@minio.internal:9000/?bucket=kluis-blobs&region=eu-west-1&useSSL=false`,
      noEnv,
    );

    expect(config).toEqual({
      endPoint: 'minio.internal',
      port: 9000,
      useSSL: false,
      accessKey: 'vault-app',
      secretKey: SECRET,
      region: 'eu-west-1',
      bucket: 'kluis-blobs',
      stagingBucket: 'kluis-blobs',
      versioning: false,
      timeoutMs: 30_000,
    });
  });

  it('takes the credentials from VAULT_S3_ACCESS_KEY and VAULT_S3_SECRET_KEY when the URL has none', () => {
    const config = parseS3BlobStoreUrl('s3://minio.internal/?bucket=kluis-blobs', {
      VAULT_S3_ACCESS_KEY: 'from-env',
      VAULT_S3_SECRET_KEY: SECRET,
    });

    expect(config).toMatchObject({ accessKey: 'from-env', secretKey: SECRET });
  });

  it('prefers the credentials in the URL to those in the environment', () => {
    const config = parseS3BlobStoreUrl(`s3://in-url:${ENCODED_SECRET}@minio.internal/?bucket=kluis-blobs`, {
      VAULT_S3_ACCESS_KEY: 'from-env',
      VAULT_S3_SECRET_KEY: 'other',
    });

    expect(config).toMatchObject({ accessKey: 'in-url', secretKey: SECRET });
  });

  it('defaults to TLS on port 443, or port 80 without TLS, in us-east-1', () => {
    const credentials = 'a:b@';

    expect(parseS3BlobStoreUrl(`s3://${credentials}s3.example/?bucket=kluis`, noEnv)).toMatchObject({
      useSSL: true,
      port: 443,
      region: 'us-east-1',
    });
    expect(parseS3BlobStoreUrl(`s3://${credentials}s3.example/?bucket=kluis&useSSL=false`, noEnv)).toMatchObject({
      useSSL: false,
      port: 80,
    });
  });

  it('accepts an IPv6 host', () => {
    const config = parseS3BlobStoreUrl('s3://a:b@[::1]:7480/?bucket=kluis', noEnv);

    expect(config).toMatchObject({ endPoint: '::1', port: 7480 });
  });

  it('turns on versioning and a separate staging bucket with object lock', () => {
    const config = parseS3BlobStoreUrl('s3://a:b@minio/?bucket=kluis&objectLock=compliance&retentionDays=3650', noEnv);

    expect(config).toMatchObject({
      versioning: true,
      objectLock: { mode: 'COMPLIANCE', retentionDays: 3650 },
      stagingBucket: 'kluis-staging',
    });
  });

  it('takes object lock without a default retention, leaving retention to the vault', () => {
    const config = parseS3BlobStoreUrl('s3://a:b@minio/?bucket=kluis&objectLock=compliance', noEnv);

    expect(config.objectLock).toEqual({ mode: 'COMPLIANCE' });
    expect(config).toMatchObject({ versioning: true, stagingBucket: 'kluis-staging' });
  });

  it('takes governance mode, a named staging bucket and a timeout', () => {
    const config = parseS3BlobStoreUrl(
      's3://a:b@minio/?bucket=kluis&objectLock=governance&retentionDays=7&stagingBucket=kluis-uploads&timeoutMs=5000',
      noEnv,
    );

    expect(config).toMatchObject({
      objectLock: { mode: 'GOVERNANCE', retentionDays: 7 },
      stagingBucket: 'kluis-uploads',
      timeoutMs: 5000,
    });
  });

  describe('refuses, naming the parameter at fault and never the secret', () => {
    const base = `s3://vault-app:${ENCODED_SECRET}@minio:9000/`;
    const locked = `${base}?bucket=kluis&objectLock=compliance`;
    const noCredentials = 's3://minio/?bucket=kluis';
    const cases: [string, string, NodeJS.ProcessEnv, string][] = [
      ['a string that is no URL', `s3://vault-app:${ENCODED_SECRET}@min io/?bucket=kluis`, noEnv, 'url'],
      ['another scheme', `https://vault-app:${ENCODED_SECRET}@minio/?bucket=kluis`, noEnv, 'url'],
      ['a path', `${base}kluis`, noEnv, 'url'],
      ['a missing bucket', `${base}?region=eu-west-1`, noEnv, 'bucket'],
      ['an invalid bucket name', `${base}?bucket=Kluis_Blobs`, noEnv, 'bucket'],
      ['an unknown parameter', `${base}?bucket=kluis&bukket=x`, noEnv, 'bukket'],
      ['a parameter given twice', `${base}?bucket=kluis&bucket=other`, noEnv, 'bucket'],
      ['a useSSL that is not a boolean', `${base}?bucket=kluis&useSSL=yes`, noEnv, 'useSSL'],
      ['an unknown object lock mode', `${base}?bucket=kluis&objectLock=forever&retentionDays=1`, noEnv, 'objectLock'],
      ['retention without object lock', `${base}?bucket=kluis&retentionDays=30`, noEnv, 'retentionDays'],
      ['a retention of zero days', `${locked}&retentionDays=0`, noEnv, 'retentionDays'],
      ['a retention that is no number', `${locked}&retentionDays=ten`, noEnv, 'retentionDays'],
      [
        'object lock without versioning',
        `${locked}&retentionDays=1&versioning=false`,
        noEnv,
        'versioning',
      ],
      [
        'object lock staging in the locked bucket',
        `${locked}&retentionDays=1&stagingBucket=kluis`,
        noEnv,
        'stagingBucket',
      ],
      [
        'object lock on a bucket name too long to derive a staging bucket from',
        `${base}?bucket=${'k'.repeat(60)}&objectLock=compliance&retentionDays=1`,
        noEnv,
        'stagingBucket',
      ],
      ['a zero timeout', `${base}?bucket=kluis&timeoutMs=0`, noEnv, 'timeoutMs'],
      ['a secret key without an access key', `s3://:${ENCODED_SECRET}@minio/?bucket=kluis`, noEnv, 'accessKey'],
      ['an access key without a secret key', 's3://vault-app@minio/?bucket=kluis', noEnv, 'secretKey'],
      ['no credentials at all', noCredentials, noEnv, 'accessKey'],
      ['a secret key alone in the environment', noCredentials, { VAULT_S3_SECRET_KEY: SECRET }, 'VAULT_S3_ACCESS_KEY'],
      ['an access key alone in the environment', noCredentials, { VAULT_S3_ACCESS_KEY: 'a' }, 'VAULT_S3_SECRET_KEY'],
    ];

    it.each(cases)('%s', (_what, url, env, parameter) => {
      const refusal = catchError(() => parseS3BlobStoreUrl(url, env));

      expect(refusal).toBeInstanceOf(InvalidS3BlobStoreConfigError);
      expect(refusal).toMatchObject({ parameter, code: 'BLOB_STORE.INVALID_S3_CONFIG' });
      const { message } = refusal as Error;
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(ENCODED_SECRET);
      expect(JSON.stringify(refusal)).not.toContain(ENCODED_SECRET);
      expect((refusal as Error).cause).toBeUndefined();
    });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
