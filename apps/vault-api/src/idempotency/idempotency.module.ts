import { Module } from '@nestjs/common';
import { IdempotencyKeySweeper } from './idempotency-key-sweeper';
import { IdempotencyService } from './idempotency.service';

/** One store of Idempotency-Keys for every endpoint that takes one, and one sweeper that forgets them. */
@Module({ providers: [IdempotencyService, IdempotencyKeySweeper], exports: [IdempotencyService] })
export class IdempotencyModule {}
