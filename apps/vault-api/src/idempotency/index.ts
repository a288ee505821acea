export { IdempotencyModule } from './idempotency.module';
export { fingerprintOf, IdempotencyService } from './idempotency.service';
