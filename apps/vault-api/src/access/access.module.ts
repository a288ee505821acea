import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRecorder } from './access-recorder';
import { BulkGuard } from './bulk-guard';
import { FeedReadRecorder } from './feed-read-recorder';
import { FileAccess } from './file-access';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';
import { RefusalBudget } from './refusal-budget';
import { RefusalRecorder } from './refusal-recorder';

@Global()
@Module({
  providers: [AccessRecorder, BulkGuard, FileAccess, FeedReadRecorder, RefusalBudget, RefusalRecorder, { provide: APP_GUARD, useClass: PrincipalThrottlerGuard }],
  exports: [AccessRecorder, BulkGuard, FileAccess, FeedReadRecorder, RefusalRecorder],
})
export class AccessModule {}
