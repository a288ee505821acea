import type { MalwareScannerSetting } from '@kluis/malware-scanner';
import type { HttpExposure } from './http-exposure-setting';

/** How this process serves: its port, its logs, how much one principal may ask, and how it stops. */
export interface ServerConfig {
  /** NODE_ENV=production, read once for every rule that differs there. */
  readonly production: boolean;
  readonly port: number;
  readonly logLevel: string;
  /** Requests one principal may make per minute, per instance. */
  readonly rateLimitPerMinute: number;
  /** How long requests in flight get to finish once the vault is told to stop; then their connections are closed. */
  readonly shutdownGraceMs: number;
  /** HSTS in production, and whether /docs and /metrics are served (VAULT_OPS_ENDPOINTS). */
  readonly http: HttpExposure;
}

export interface ProjectionConfig {
  /** Whether this instance may run projectors; of the instances that may, one at a time does. */
  readonly projector: boolean;
  /** How long a write waits for the read model to catch up before answering anyway. */
  readonly readYourWritesTimeoutMs: number;
}

/** Distinct customers staff may touch: each reviewer or administrator, and all reviewers together, per hour and per day. */
export interface StaffBulkLimits {
  readonly perHour: number;
  readonly perDay: number;
  readonly reviewersPerHour: number;
  readonly reviewersPerDay: number;
}

export interface ReviewConfig {
  /** How long a reviewer's claim on a document lasts. */
  readonly claimMinutes: number;
  /** Whether an MRZ of the ICAO specimen state (UTO) is read as real: tests and training only, never production. */
  readonly mrzSpecimens: boolean;
  /** `VAULT_CSCA_MASTER_LIST`: a master list file or a folder of CSCA certificates; null leaves chip readings off. */
  readonly cscaMasterList: string | null;
}

export interface ExpiryConfig {
  /** How far ahead a document counts as expiring soon. */
  readonly horizonDays: number;
  /** How often the expiry process looks for documents whose validity ended. */
  readonly sweepMs: number;
}

export interface RetentionConfig {
  /** Years a customer's records are kept after the business relationship ends (Wwft article 33: five). */
  readonly amlRetentionYears: number;
  /** How often the retention process looks for customers whose retention period ended. */
  readonly sweepMs: number;
}

export interface ScanningConfig {
  /** Where uploads are scanned for malware; `disabled` only outside production. */
  readonly malwareScanner: MalwareScannerSetting;
  /** How often documents held for a scan are offered to the scanner again. */
  readonly rescanIntervalMs: number;
}

export interface IdempotencyConfig {
  /** How long an Idempotency-Key and the answer stored with it are kept. */
  readonly keyHours: number;
}
