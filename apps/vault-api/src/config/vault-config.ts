import { type AuthConfig, type DepartmentPolicies, loadAuthConfig } from '@kluis/auth';
import type { DocumentTypeCatalogue } from '@kluis/document-domain';
import { amlRetentionYears } from './aml-retention-setting';
import type {
  ExpiryConfig,
  IdempotencyConfig,
  ProjectionConfig,
  RetentionConfig,
  ReviewConfig,
  ScanningConfig,
  ServerConfig,
  StaffBulkLimits,
} from './config-slices';
import { ConfigError } from './config-error';
import { isProduction } from './deployment-mode';
import { loadCatalogue, loadDepartments } from './document-rules-files';
import { type EncryptionConfig, loadEncryptionConfig } from './encryption-config';
import { httpExposureSetting } from './http-exposure-setting';
import { malwareScannerSetting } from './malware-scanner-setting';
import { mrzSpecimensSetting } from './mrz-specimens-setting';
import { type NoticeSettings, noticeSettings } from './notice-settings';
import { onOff } from './on-off';
import { positiveInteger } from './positive-integer';
import { loadReconciliationConfig, type ReconciliationConfig } from './reconciliation-config';
import { type RequestRules, requestRulesSetting } from './request-rules-setting';
import { loadStorageConfig, type StorageConfig } from './storage-config';
import { loadUploadConfig, type UploadConfig } from './upload-config';
import { loadWebConfig, type WebConfig } from './web-config';
import { loadWebhookConfig, type WebhookConfig } from './webhook-config';

/**
 * The whole configuration, one slice per concern. Each slice is provided behind its own token (see config-tokens),
 * so a class names the part it reads and nothing more.
 */
export interface VaultConfig {
  readonly server: ServerConfig;
  readonly storage: StorageConfig;
  readonly projections: ProjectionConfig;
  /** Customers' data keys: where they are kept and the master key that wraps them. */
  readonly encryption: EncryptionConfig;
  readonly auth: AuthConfig;
  /** What each department may see and do; a department not listed may do nothing. */
  readonly departments: DepartmentPolicies;
  readonly staffBulkLimits: StaffBulkLimits;
  readonly catalogue: DocumentTypeCatalogue;
  readonly uploads: UploadConfig;
  readonly reviews: ReviewConfig;
  readonly expiry: ExpiryConfig;
  readonly retention: RetentionConfig;
  /** The least notice an ask gives the customer, and how long after the first notice an escalation may follow. */
  readonly requestRules: RequestRules;
  /** How notices reach the customer by mail, and how often delivery is retried. */
  readonly notices: NoticeSettings;
  /** Departments whose feed is also pushed to a signed webhook, and how deliveries are retried. */
  readonly webhooks: WebhookConfig;
  readonly scanning: ScanningConfig;
  readonly reconciliation: ReconciliationConfig;
  readonly web: WebConfig;
  readonly idempotency: IdempotencyConfig;
}

/** Where the vault's data lives and the keys that open it: all that the backup, restore and data tools need. */
export type DataLocations = Pick<VaultConfig, 'storage' | 'encryption'>;

/**
 * Reads the whole configuration from the environment. With nothing set, the vault runs embedded under ./data. This
 * folder is the only place that reads the environment: every entry point (the server, the CLIs) starts here.
 */
export function loadVaultConfig(env: NodeJS.ProcessEnv): VaultConfig {
  const production = isProduction(env);
  const port = positiveInteger(env, 'PORT', 3000);
  if (port > 65535) throw new ConfigError('PORT must be at most 65535');
  const storage = loadStorageConfig(env);
  const { dataDir } = storage;
  const departments = loadDepartments(env.VAULT_DEPARTMENTS_FILE);
  // Sign-in before keys before scanning before mail: of several production refusals, the same one is named first.
  return {
    server: {
      production,
      port,
      logLevel: env.LOG_LEVEL || 'info',
      rateLimitPerMinute: positiveInteger(env, 'VAULT_RATE_LIMIT_PER_MINUTE', 600),
      shutdownGraceMs: positiveInteger(env, 'VAULT_SHUTDOWN_GRACE_MS', 10_000),
      http: httpExposureSetting(env, production),
    },
    storage,
    uploads: loadUploadConfig(env),
    projections: {
      projector: onOff(env, 'VAULT_PROJECTOR', true),
      readYourWritesTimeoutMs: positiveInteger(env, 'VAULT_READ_YOUR_WRITES_TIMEOUT_MS', 2000),
    },
    auth: loadAuthConfig(env, dataDir, production),
    catalogue: loadCatalogue(env.VAULT_DOCUMENT_TYPES_FILE),
    reviews: {
      claimMinutes: positiveInteger(env, 'VAULT_REVIEW_CLAIM_MINUTES', 30),
      mrzSpecimens: mrzSpecimensSetting(env),
      cscaMasterList: env.VAULT_CSCA_MASTER_LIST || null,
    },
    expiry: {
      horizonDays: positiveInteger(env, 'VAULT_EXPIRY_HORIZON_DAYS', 60),
      sweepMs: positiveInteger(env, 'VAULT_EXPIRY_SWEEP_MS', 60_000),
    },
    retention: {
      amlRetentionYears: amlRetentionYears(env),
      sweepMs: positiveInteger(env, 'VAULT_RETENTION_SWEEP_MS', 60 * 60_000),
    },
    idempotency: { keyHours: positiveInteger(env, 'VAULT_IDEMPOTENCY_KEY_HOURS', 24) },
    departments,
    webhooks: loadWebhookConfig(env, departments),
    staffBulkLimits: {
      perHour: positiveInteger(env, 'VAULT_REVIEWER_CUSTOMERS_PER_HOUR', 200),
      perDay: positiveInteger(env, 'VAULT_REVIEWER_CUSTOMERS_PER_DAY', 800),
      reviewersPerHour: positiveInteger(env, 'VAULT_REVIEWERS_CUSTOMERS_PER_HOUR', 2000),
      reviewersPerDay: positiveInteger(env, 'VAULT_REVIEWERS_CUSTOMERS_PER_DAY', 10000),
    },
    encryption: loadEncryptionConfig(env, dataDir),
    requestRules: requestRulesSetting(env),
    scanning: {
      malwareScanner: malwareScannerSetting(env),
      rescanIntervalMs: positiveInteger(env, 'VAULT_RESCAN_INTERVAL_MS', 60_000),
    },
    notices: noticeSettings(env, dataDir, port),
    reconciliation: loadReconciliationConfig(env),
    web: loadWebConfig(env),
  };
}
