import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRecorder } from './access-recorder';
import { BulkGuard } from './bulk-guard';
import { FileAccess } from './file-access';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';
import { RefusalBudget } from './refusal-budget';
import { RefusalRecorder } from './refusal-recorder';

@Global()
@Module({
  providers: [AccessRecorder, BulkGuard, FileAccess, RefusalBudget, RefusalRecorder, { provide: APP_GUARD, useClass: PrincipalThrottlerGuard }],
  exports: [AccessRecorder, BulkGuard, FileAccess, RefusalRecorder],
})
export class AccessModule {}
