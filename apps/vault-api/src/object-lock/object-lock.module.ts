import { createObjectLockCanary } from '@kluis/blob-store';
import { Module } from '@nestjs/common';
import { STORAGE_CONFIG } from '../config/config-tokens';
import type { StorageConfig } from '../config/storage-config';
import { MetricsModule } from '../metrics';
import { OBJECT_LOCK_CANARY, ObjectLockCanaryService } from './object-lock-canary.service';

@Module({
  imports: [MetricsModule],
  providers: [
    {
      provide: OBJECT_LOCK_CANARY,
      inject: [STORAGE_CONFIG],
      useFactory: ({ s3 }: StorageConfig) => (s3?.objectLock ? createObjectLockCanary(s3) : null),
    },
    ObjectLockCanaryService,
  ],
  exports: [ObjectLockCanaryService],
})
export class ObjectLockModule {}
