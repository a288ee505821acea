import { type AuthConfig, DEFAULT_DEPARTMENT_POLICIES, type DepartmentPolicies, DepartmentPoliciesError, loadAuthConfig, parseDepartmentPolicies } from '@kluis/auth';
import { InvalidS3BlobStoreConfigError, parseS3BlobStoreUrl, type S3BlobStoreConfig } from '@kluis/blob-store';
import type { MalwareScannerSetting } from '@kluis/malware-scanner';
import { CatalogueError, DEFAULT_CATALOGUE, type DocumentTypeCatalogue, parseCatalogue } from '@kluis/document-domain';
import type { ReadModelLocation } from '@kluis/read-models';
import { resolve } from 'node:path';
import { type BlobStoreLocation, blobStoreLocation, type EventStoreLocation, eventStoreLocation, readModelLocation } from './backend-locations';
import { DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_UPLOAD_CHECK_POLICY, type UploadCheckPolicy } from './upload-config';
import { ConfigError } from './config-error';
import { type HttpExposure, httpExposureSetting } from './http-exposure-setting';
import { isProduction } from './deployment-mode';
import { positiveInteger } from './positive-integer';
import { amlRetentionYears } from './aml-retention-setting';
import { type EncryptionConfig, loadEncryptionConfig } from './encryption-config';
import { malwareScannerSetting } from './malware-scanner-setting';
import { type RequestRules, requestRulesSetting } from './request-rules-setting';
import { type NoticeSettings, noticeSettings } from './notice-settings';
import { mrzSpecimensSetting } from './mrz-specimens-setting';
import { loadWebhookConfig, type WebhookConfig } from './webhook-config';
import { readJsonFile } from './json-file';
import { oneOf } from './one-of';
import { onOff } from './on-off';

export const VAULT_CONFIG = Symbol('VAULT_CONFIG');

export interface VaultConfig {
  /** NODE_ENV=production, read once for every rule that differs there. */
  readonly production: boolean;
  readonly port: number;
  readonly dataDir: string;
  readonly maxUploadBytes: number;
  /** An upload that delivers less than a kilobyte in this long is cut off: a slow sender holds a connection. */
  readonly uploadStallMs: number;
  /** How long requests in flight get to finish once the vault is told to stop; then their connections are closed. */
  readonly shutdownGraceMs: number;
  readonly eventStore: EventStoreLocation;
  readonly blobStore: BlobStoreLocation;
  /** Parsed at start-up so a bad S3 URL or missing credentials stop the vault before it serves anything. */
  readonly s3: S3BlobStoreConfig | null;
  readonly readModel: ReadModelLocation;
  readonly auth: AuthConfig;
  /** How long a write waits for the read model to catch up before answering anyway. */
  readonly readYourWritesTimeoutMs: number;
  readonly logLevel: string;
  readonly catalogue: DocumentTypeCatalogue;
  /** What each department may see and do; a department not listed may do nothing. */
  readonly departments: DepartmentPolicies;
  /** How long a reviewer's claim on a document lasts. */
  readonly reviewClaimMinutes: number;
  /** How often the expiry process looks for documents whose validity ended. */
  readonly expirySweepMs: number;
  /** How long an Idempotency-Key and the answer stored with it are kept. */
  readonly idempotencyKeyHours: number;
  /** How far ahead a document counts as expiring soon. */
  readonly expiryHorizonDays: number;
  /** Years a customer's records are kept after the business relationship ends (Wwft article 33: five). */
  readonly amlRetentionYears: number;
  /** How often the retention process looks for customers whose retention period ended. */
  readonly retentionSweepMs: number;
  /** Whether this instance may run projectors; of the instances that may, one at a time does. */
  readonly projector: boolean;
  /** Departments whose feed is also pushed to a signed webhook, and how deliveries are retried. */
  readonly webhooks: WebhookConfig;
  /** Requests one principal may make per minute, per instance. */
  readonly rateLimitPerMinute: number;
  /** Distinct customers staff may touch: each reviewer or administrator, and all reviewers together, per hour and per day. */
  readonly staffBulkLimits: StaffBulkLimits;
  /** What an uploaded PDF may carry: a page limit, and whether active content is refused or only flagged. */
  readonly uploadChecks: UploadCheckPolicy;
  /** An uploaded JPEG, PNG or TIFF declaring more pixels than this (width × height) is refused. */
  readonly maxImagePixels: number;
  /** Customers' data keys: where they are kept and the master key that wraps them. */
  readonly encryption: EncryptionConfig;
  /** The least notice an ask gives the customer, and how long after the first notice an escalation may follow. */
  readonly requestRules: RequestRules;
  /** Where uploads are scanned for malware; `disabled` only outside production. */
  readonly malwareScanner: MalwareScannerSetting;
  /** How often documents held for a scan are offered to the scanner again. */
  readonly rescanIntervalMs: number;
  /** HSTS in production, and whether /docs and /metrics are served (VAULT_OPS_ENDPOINTS). */
  readonly http: HttpExposure;
  /** `VAULT_CSCA_MASTER_LIST`: a master list file or a folder of CSCA certificates; null leaves chip readings off. */
  readonly cscaMasterList: string | null;
  /** How notices reach the customer by mail, and how often delivery is retried. */
  readonly notices: NoticeSettings;
  /** Whether an MRZ of the ICAO specimen state (UTO) is read as real: tests and training only, never production. */
  readonly mrzSpecimens: boolean;
}

export interface StaffBulkLimits {
  readonly perHour: number;
  readonly perDay: number;
  readonly reviewersPerHour: number;
  readonly reviewersPerDay: number;
}

const MIB = 1024 * 1024;

/** Reads the whole configuration from the environment. With nothing set, the vault runs embedded under ./data. */
export function loadVaultConfig(env: NodeJS.ProcessEnv): VaultConfig {
  const production = isProduction(env);
  const dataDir = resolve(env.VAULT_DATA_DIR || './data');
  const port = positiveInteger(env, 'PORT', 3000);
  const blobStore = blobStoreLocation(env.VAULT_BLOB_STORE, dataDir);
  const departments = loadDepartments(env.VAULT_DEPARTMENTS_FILE);
  if (port > 65535) throw new ConfigError('PORT must be at most 65535');
  return {
    production,
    port,
    dataDir,
    maxUploadBytes: positiveInteger(env, 'VAULT_MAX_UPLOAD_BYTES', 25 * MIB),
    uploadStallMs: positiveInteger(env, 'VAULT_UPLOAD_STALL_MS', 15_000),
    shutdownGraceMs: positiveInteger(env, 'VAULT_SHUTDOWN_GRACE_MS', 10_000),
    eventStore: eventStoreLocation(env.VAULT_EVENT_STORE, dataDir),
    blobStore,
    s3: blobStore.kind === 's3' ? s3Config(blobStore.url, env) : null,
    readModel: readModelLocation(env.VAULT_READ_MODEL, dataDir),
    auth: loadAuthConfig(env, dataDir, production),
    readYourWritesTimeoutMs: positiveInteger(env, 'VAULT_READ_YOUR_WRITES_TIMEOUT_MS', 2000),
    logLevel: env.LOG_LEVEL || 'info',
    catalogue: loadCatalogue(env.VAULT_DOCUMENT_TYPES_FILE),
    departments,
    reviewClaimMinutes: positiveInteger(env, 'VAULT_REVIEW_CLAIM_MINUTES', 30),
    expirySweepMs: positiveInteger(env, 'VAULT_EXPIRY_SWEEP_MS', 60_000),
    idempotencyKeyHours: positiveInteger(env, 'VAULT_IDEMPOTENCY_KEY_HOURS', 24),
    expiryHorizonDays: positiveInteger(env, 'VAULT_EXPIRY_HORIZON_DAYS', 60),
    amlRetentionYears: amlRetentionYears(env),
    retentionSweepMs: positiveInteger(env, 'VAULT_RETENTION_SWEEP_MS', 60 * 60_000),
    projector: onOff(env, 'VAULT_PROJECTOR', true),
    webhooks: loadWebhookConfig(env, departments),
    rateLimitPerMinute: positiveInteger(env, 'VAULT_RATE_LIMIT_PER_MINUTE', 600),
    staffBulkLimits: {
      perHour: positiveInteger(env, 'VAULT_REVIEWER_CUSTOMERS_PER_HOUR', 200),
      perDay: positiveInteger(env, 'VAULT_REVIEWER_CUSTOMERS_PER_DAY', 800),
      reviewersPerHour: positiveInteger(env, 'VAULT_REVIEWERS_CUSTOMERS_PER_HOUR', 2000),
      reviewersPerDay: positiveInteger(env, 'VAULT_REVIEWERS_CUSTOMERS_PER_DAY', 10000),
    },
    uploadChecks: {
      maxPages: positiveInteger(env, 'VAULT_PDF_MAX_PAGES', DEFAULT_UPLOAD_CHECK_POLICY.maxPages),
      activeContent: oneOf(env, 'VAULT_PDF_ACTIVE_CONTENT', ['refuse', 'flag'] as const, DEFAULT_UPLOAD_CHECK_POLICY.activeContent),
    },
    maxImagePixels: positiveInteger(env, 'VAULT_IMAGE_MAX_PIXELS', DEFAULT_MAX_IMAGE_PIXELS),
    encryption: loadEncryptionConfig(env, dataDir),
    requestRules: requestRulesSetting(env),
    malwareScanner: malwareScannerSetting(env),
    rescanIntervalMs: positiveInteger(env, 'VAULT_RESCAN_INTERVAL_MS', 60_000),
    http: httpExposureSetting(env, production),
    cscaMasterList: env.VAULT_CSCA_MASTER_LIST || null,
    notices: noticeSettings(env, dataDir, port),
    mrzSpecimens: mrzSpecimensSetting(env),
  };
}

function s3Config(url: string, env: NodeJS.ProcessEnv): S3BlobStoreConfig {
  try {
    return parseS3BlobStoreUrl(url, env);
  } catch (error) {
    if (error instanceof InvalidS3BlobStoreConfigError) throw new ConfigError(`VAULT_BLOB_STORE: ${error.message}`);
    throw error;
  }
}

function loadCatalogue(file: string | undefined): DocumentTypeCatalogue {
  if (!file) return DEFAULT_CATALOGUE;
  try {
    return parseCatalogue(readJsonFile(file, 'VAULT_DOCUMENT_TYPES_FILE'));
  } catch (error) {
    if (error instanceof CatalogueError) throw new ConfigError(`VAULT_DOCUMENT_TYPES_FILE: ${error.problems.join('; ')}`);
    throw error;
  }
}

function loadDepartments(file: string | undefined): DepartmentPolicies {
  if (!file) return DEFAULT_DEPARTMENT_POLICIES;
  try {
    return parseDepartmentPolicies(readJsonFile(file, 'VAULT_DEPARTMENTS_FILE'));
  } catch (error) {
    if (error instanceof DepartmentPoliciesError) throw new ConfigError(`VAULT_DEPARTMENTS_FILE: ${error.problems.join('; ')}`);
    throw error;
  }
}
