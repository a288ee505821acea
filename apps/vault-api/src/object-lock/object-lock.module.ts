import { createObjectLockCanary } from '@kluis/blob-store';
import { Module } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { MetricsModule } from '../metrics';
import { OBJECT_LOCK_CANARY, ObjectLockCanaryService } from './object-lock-canary.service';

@Module({
  imports: [MetricsModule],
  providers: [
    {
      provide: OBJECT_LOCK_CANARY,
      inject: [VAULT_CONFIG],
      useFactory: (config: VaultConfig) => (config.s3?.objectLock ? createObjectLockCanary(config.s3) : null),
    },
    ObjectLockCanaryService,
  ],
  exports: [ObjectLockCanaryService],
})
export class ObjectLockModule {}
