import { Module } from '@nestjs/common';
import { IdentityNumberRegistry } from '../reviews/review-document/identity-number-registry';
import { IdempotencyService } from '../shared/http/idempotency.service';
import { ChipTrust } from './chip-trust';
import { RecordChipReadingHandler } from './record-chip-reading/record-chip-reading.handler';
import { RecordChipReadingController } from './record-chip-reading/record-chip-reading.http.controller';

@Module({
  controllers: [RecordChipReadingController],
  providers: [ChipTrust, IdempotencyService, IdentityNumberRegistry, RecordChipReadingHandler],
})
export class ChipReadingsModule {}
