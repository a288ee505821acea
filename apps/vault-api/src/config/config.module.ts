import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import * as tokens from './config-tokens';
import type { VaultConfig } from './vault-config';

const SLICES: Readonly<Record<keyof VaultConfig, symbol>> = {
  server: tokens.SERVER_CONFIG,
  storage: tokens.STORAGE_CONFIG,
  projections: tokens.PROJECTION_CONFIG,
  encryption: tokens.ENCRYPTION_CONFIG,
  auth: tokens.AUTH_CONFIG,
  departments: tokens.DEPARTMENT_POLICIES,
  staffBulkLimits: tokens.STAFF_BULK_LIMITS,
  catalogue: tokens.DOCUMENT_CATALOGUE,
  uploads: tokens.UPLOAD_CONFIG,
  reviews: tokens.REVIEW_CONFIG,
  expiry: tokens.EXPIRY_CONFIG,
  retention: tokens.RETENTION_CONFIG,
  requestRules: tokens.REQUEST_RULES,
  notices: tokens.NOTICE_SETTINGS,
  webhooks: tokens.WEBHOOK_CONFIG,
  scanning: tokens.SCANNING_CONFIG,
  reconciliation: tokens.RECONCILIATION_CONFIG,
  web: tokens.WEB_CONFIG,
  idempotency: tokens.IDEMPOTENCY_CONFIG,
};

/** Provides every slice of the configuration behind its own token, to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VaultConfig): DynamicModule {
    const providers: Provider[] = Object.entries(SLICES).map(([slice, token]) => ({ provide: token, useValue: config[slice as keyof VaultConfig] }));
    return { module: ConfigModule, providers, exports: Object.values(SLICES) };
  }
}
