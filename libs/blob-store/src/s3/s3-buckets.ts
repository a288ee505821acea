import { RETENTION_MODES, RETENTION_VALIDITY_UNITS, type Client, type ObjectLockInfo } from 'minio';
import { InvalidS3BlobStoreConfigError, type S3BlobStoreConfig } from './s3-blob-store.config';
import { s3ErrorCode } from './s3-errors';
import { STAGING_PREFIX } from './s3-staging-upload';

type Call = <T>(operation: string, run: () => Promise<T>) => Promise<T>;

// Staged objects are removed as soon as their put ends; this catches those of a process that died mid-put.
const STAGING_EXPIRY_DAYS = 1;

export async function ensureBuckets(client: Client, config: S3BlobStoreConfig, call: Call): Promise<void> {
  const holdsStaging = config.stagingBucket === config.bucket;
  await ensureBucket(client, config, call, {
    name: config.bucket,
    versioning: config.versioning,
    objectLock: config.objectLock,
    holdsStaging,
  });
  if (!holdsStaging) {
    await ensureBucket(client, config, call, { name: config.stagingBucket, versioning: false, holdsStaging: true });
  }
}

interface BucketPlan {
  readonly name: string;
  readonly versioning: boolean;
  readonly objectLock?: S3BlobStoreConfig['objectLock'];
  readonly holdsStaging: boolean;
}

async function ensureBucket(client: Client, config: S3BlobStoreConfig, call: Call, plan: BucketPlan): Promise<void> {
  const { name, objectLock } = plan;
  if (await call('check bucket', () => client.bucketExists(name))) {
    if (objectLock && !(await hasObjectLock(client, call, name))) {
      throw new InvalidS3BlobStoreConfigError(
        'objectLock',
        `the bucket ${name} exists without object lock, which can only be turned on when a bucket is created`,
      );
    }
  } else {
    await call('create bucket', () =>
      client.makeBucket(name, config.region, { ObjectLocking: objectLock !== undefined }).catch((error: unknown) => {
        // Another instance created it meanwhile.
        if (s3ErrorCode(error) !== 'BucketAlreadyOwnedByYou') throw error;
      }),
    );
    // Set only on a bucket made here: setting a lifecycle replaces every rule the bucket had.
    if (plan.holdsStaging) {
      await call('set staging lifecycle', () =>
        client.setBucketLifecycle(name, {
          Rule: [
            {
              ID: 'expire-staged-uploads',
              Status: 'Enabled',
              Filter: { Prefix: STAGING_PREFIX },
              Expiration: { Days: STAGING_EXPIRY_DAYS },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: STAGING_EXPIRY_DAYS },
              ...(plan.versioning && { NoncurrentVersionExpiration: { NoncurrentDays: STAGING_EXPIRY_DAYS } }),
            },
          ],
        }),
      );
    }
  }
  if (plan.versioning) await call('enable versioning', () => client.setBucketVersioning(name, { Status: 'Enabled' }));
  // Without a default retention a blob is locked only when the vault asks; one set by hand on the bucket stays.
  if (objectLock?.retentionDays !== undefined) {
    const retention = {
      mode: objectLock.mode === 'COMPLIANCE' ? RETENTION_MODES.COMPLIANCE : RETENTION_MODES.GOVERNANCE,
      unit: RETENTION_VALIDITY_UNITS.DAYS,
      validity: objectLock.retentionDays,
    };
    // minio declares a callback-style overload first; the promise one is what runs without a callback.
    await call('set default retention', () => client.setObjectLockConfig(name, retention) as unknown as Promise<void>);
  }
}

async function hasObjectLock(client: Client, call: Call, name: string): Promise<boolean> {
  try {
    // As above, the promise overload.
    const readLock = () => client.getObjectLockConfig(name) as unknown as Promise<ObjectLockInfo>;
    const lock = await call('read object lock', readLock);
    return 'objectLockEnabled' in lock && lock.objectLockEnabled === 'Enabled';
  } catch (error) {
    if (s3ErrorCode((error as { cause?: unknown }).cause) === 'ObjectLockConfigurationNotFoundError') return false;
    throw error;
  }
}
