import { LEGAL_HOLD_STATUS, RETENTION_MODES, type Client } from 'minio';
import type { ObjectLockMode } from './s3-blob-store.config';
import { s3ErrorCode } from './s3-errors';

type Call = <T>(operation: string, run: () => Promise<T>) => Promise<T>;

export interface ObjectVersion {
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string;
}

export interface VersionLock {
  readonly retainUntil: string | null;
  readonly legalHold: boolean;
}

// What servers answer for a version that never had a retention or a hold: RGW's name, then AWS's and MinIO's.
const NEVER_LOCKED = new Set(['ObjectLockConfigurationNotFoundError', 'NoSuchObjectLockConfiguration']);

export async function lockOf(client: Client, version: ObjectVersion, call: Call): Promise<VersionLock> {
  const [retainUntil, legalHold] = await Promise.all([
    call('read retention', () => retentionOf(client, version)),
    call('read legal hold', () => legalHoldOf(client, version)),
  ]);
  return { retainUntil, legalHold };
}

/**
 * Sets the version's retention to `until` in `mode`, unless it already reaches that far. The server never lets a
 * retention shrink without a bypass, so a concurrent call that set a later date first makes this one fail: it then
 * counts as done.
 */
export async function extendRetention(
  client: Client,
  version: ObjectVersion,
  until: Date,
  mode: ObjectLockMode,
  call: Call,
): Promise<void> {
  const reaches = async (): Promise<boolean> => {
    const current = await call('read retention', () => retentionOf(client, version));
    return current !== null && Date.parse(current) >= until.getTime();
  };
  if (await reaches()) return;
  const { bucket, key, versionId } = version;
  const retention = {
    versionId,
    mode: mode === 'COMPLIANCE' ? RETENTION_MODES.COMPLIANCE : RETENTION_MODES.GOVERNANCE,
    retainUntilDate: until.toISOString(),
  };
  try {
    await call('set retention', () => client.putObjectRetention(bucket, key, retention));
  } catch (error) {
    if (s3ErrorCode((error as { cause?: unknown }).cause) === 'AccessDenied' && (await reaches())) return;
    throw error;
  }
}

export async function setLegalHold(client: Client, version: ObjectVersion, on: boolean, call: Call): Promise<void> {
  const { bucket, key, versionId } = version;
  const status = on ? LEGAL_HOLD_STATUS.ENABLED : LEGAL_HOLD_STATUS.DISABLED;
  // minio declares it as returning void; it returns the request's promise.
  await call('set legal hold', () =>
    Promise.resolve(client.setObjectLegalHold(bucket, key, { status, versionId }) as unknown),
  );
}

async function retentionOf(client: Client, version: ObjectVersion): Promise<string | null> {
  const { bucket, key, versionId } = version;
  try {
    const retention = await client.getObjectRetention(bucket, key, { versionId });
    // Servers differ in precision (RGW answers in nanoseconds); a Date keeps milliseconds, all the vault ever sets.
    return retention?.retainUntilDate ? new Date(retention.retainUntilDate).toISOString() : null;
  } catch (error) {
    if (NEVER_LOCKED.has(s3ErrorCode(error) ?? '')) return null;
    throw error;
  }
}

async function legalHoldOf(client: Client, version: ObjectVersion): Promise<boolean> {
  const { bucket, key, versionId } = version;
  try {
    // minio types the answer as the status; it is the parsed <LegalHold> element.
    const hold = (await client.getObjectLegalHold(bucket, key, { versionId })) as unknown as { Status?: string };
    return hold?.Status === LEGAL_HOLD_STATUS.ENABLED;
  } catch (error) {
    if (NEVER_LOCKED.has(s3ErrorCode(error) ?? '')) return false;
    throw error;
  }
}
