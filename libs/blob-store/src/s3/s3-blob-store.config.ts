export type ObjectLockMode = 'COMPLIANCE' | 'GOVERNANCE';

export interface S3BlobStoreConfig {
  readonly endPoint: string;
  readonly port: number;
  readonly useSSL: boolean;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly region: string;
  /** Where the blobs are kept. */
  readonly bucket: string;
  /**
   * Where uploads land before their hash is known. With object lock it must be another bucket: the bucket's default
   * retention would lock the staging copies too, and they could then never be deleted.
   */
  readonly stagingBucket: string;
  readonly versioning: boolean;
  /**
   * Object lock on `bucket`: the mode of every retention the store sets (`retainUntil`) and, when given, the default
   * retention the server applies to every blob as it is written.
   */
  readonly objectLock?: { readonly mode: ObjectLockMode; readonly retentionDays?: number };
  /** Deadline of each call to the server, and the longest an upload or a download may stall. */
  readonly timeoutMs: number;
}

export class InvalidS3BlobStoreConfigError extends Error {
  readonly code = 'BLOB_STORE.INVALID_S3_CONFIG';

  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidS3BlobStoreConfigError';
  }
}

const invalid = (parameter: string, message: string): InvalidS3BlobStoreConfigError =>
  new InvalidS3BlobStoreConfigError(parameter, message);

export const DEFAULT_S3_REGION = 'us-east-1';
export const DEFAULT_S3_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 600_000;
// S3 rejects a retention date more than 100 years ahead.
const MAX_RETENTION_DAYS = 36_500;
const KNOWN_PARAMETERS = [
  'bucket',
  'stagingBucket',
  'region',
  'useSSL',
  'versioning',
  'objectLock',
  'retentionDays',
  'timeoutMs',
] as const;
// Lowercase letters, digits, dots and dashes, starting and ending with a letter or digit, 3 to 63 characters.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const STAGING_SUFFIX = '-staging';

/**
 * Reads `s3://[accessKey:secretKey@]host[:port]/?bucket=…&region=…&useSSL=false&versioning=true
 * &objectLock=compliance|governance&retentionDays=N&stagingBucket=…&timeoutMs=N`.
 * Credentials come from the URL or else from VAULT_S3_ACCESS_KEY and VAULT_S3_SECRET_KEY. Errors name the
 * parameter at fault and never repeat the URL, which may hold the secret key.
 */
export function parseS3BlobStoreUrl(url: string, env: NodeJS.ProcessEnv): S3BlobStoreConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', 'the S3 blob store URL is not a valid URL');
  }
  if (parsed.protocol !== 's3:') {
    throw invalid('url', 'the S3 blob store URL must start with s3://');
  }
  if (parsed.pathname !== '' && parsed.pathname !== '/') {
    throw invalid('url', 'the S3 blob store URL takes no path: name the bucket with ?bucket=');
  }
  const params = parsed.searchParams;
  for (const name of new Set(params.keys())) {
    if (!KNOWN_PARAMETERS.some((known) => known === name)) {
      throw invalid(name, `unknown S3 blob store URL parameter "${name}"`);
    }
    if (params.getAll(name).length > 1) {
      throw invalid(name, `the S3 blob store URL parameter "${name}" is given twice`);
    }
  }

  const endPoint = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (endPoint === '') throw invalid('host', 'the S3 blob store URL has no host');
  const useSSL = booleanParam(params, 'useSSL', true);
  const bucket = bucketParam('bucket', params.get('bucket') ?? undefined);
  const objectLock = objectLockParams(params);
  const versioning = booleanParam(params, 'versioning', objectLock !== undefined);
  if (objectLock && !versioning) {
    throw invalid('versioning', 'objectLock needs versioning; drop versioning=false');
  }
  return {
    endPoint,
    port: parsed.port === '' ? (useSSL ? 443 : 80) : Number(parsed.port),
    useSSL,
    ...credentials(parsed, env),
    region: params.get('region') || DEFAULT_S3_REGION,
    bucket,
    stagingBucket: stagingBucketParam(params, bucket, objectLock !== undefined),
    versioning,
    ...(objectLock && { objectLock }),
    timeoutMs: integerParam(params, 'timeoutMs', 1, MAX_TIMEOUT_MS) ?? DEFAULT_S3_TIMEOUT_MS,
  };
}

function credentials(url: URL, env: NodeJS.ProcessEnv): { accessKey: string; secretKey: string } {
  if (url.username !== '' || url.password !== '') {
    const accessKey = decodeURIComponent(url.username);
    const secretKey = decodeURIComponent(url.password);
    if (accessKey === '') throw invalid('accessKey', 'the S3 blob store URL has a secret key but no access key');
    if (secretKey === '') throw invalid('secretKey', 'the S3 blob store URL has an access key but no secret key');
    return { accessKey, secretKey };
  }
  const accessKey = env.VAULT_S3_ACCESS_KEY?.trim() ?? '';
  const secretKey = env.VAULT_S3_SECRET_KEY?.trim() ?? '';
  if (accessKey === '' && secretKey === '') {
    throw invalid(
      'accessKey',
      'no S3 credentials: put accessKey:secretKey@ in the URL, or set VAULT_S3_ACCESS_KEY and VAULT_S3_SECRET_KEY',
    );
  }
  if (accessKey === '') {
    throw invalid('VAULT_S3_ACCESS_KEY', 'VAULT_S3_SECRET_KEY is set but VAULT_S3_ACCESS_KEY is not');
  }
  if (secretKey === '') {
    throw invalid('VAULT_S3_SECRET_KEY', 'VAULT_S3_ACCESS_KEY is set but VAULT_S3_SECRET_KEY is not');
  }
  return { accessKey, secretKey };
}

function objectLockParams(params: URLSearchParams): S3BlobStoreConfig['objectLock'] {
  const mode = params.get('objectLock');
  const retentionDays = integerParam(params, 'retentionDays', 1, MAX_RETENTION_DAYS);
  if (mode === null) {
    if (retentionDays !== undefined) {
      throw invalid('retentionDays', 'retentionDays needs objectLock=compliance or governance');
    }
    return undefined;
  }
  if (mode !== 'compliance' && mode !== 'governance') {
    throw invalid('objectLock', 'objectLock must be compliance or governance');
  }
  return {
    mode: mode === 'compliance' ? 'COMPLIANCE' : 'GOVERNANCE',
    ...(retentionDays !== undefined && { retentionDays }),
  };
}

function stagingBucketParam(params: URLSearchParams, bucket: string, objectLock: boolean): string {
  const given = params.get('stagingBucket');
  if (given === null) {
    if (!objectLock) return bucket;
    const derived = `${bucket}${STAGING_SUFFIX}`;
    if (!BUCKET_NAME.test(derived)) {
      throw invalid(
        'stagingBucket',
        `with objectLock, uploads are staged in another bucket: ${derived} is too long, name one with stagingBucket=`,
      );
    }
    return derived;
  }
  const stagingBucket = bucketParam('stagingBucket', given);
  if (objectLock && stagingBucket === bucket) {
    throw invalid('stagingBucket', 'with objectLock, stagingBucket must differ from bucket');
  }
  return stagingBucket;
}

function bucketParam(name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw invalid(name, `the S3 blob store URL needs ?${name}=`);
  }
  if (!BUCKET_NAME.test(value) || value.includes('..')) {
    throw invalid(
      name,
      `${name} must be 3 to 63 lowercase letters, digits, dots or dashes, starting and ending with a letter or digit`,
    );
  }
  return value;
}

function booleanParam(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(name, `${name} must be true or false`);
}

function integerParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw invalid(name, `${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}
