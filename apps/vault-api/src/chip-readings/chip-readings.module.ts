import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency';
import { IdentityNumberRegistry } from '../reviews';
import { ChipTrust } from './chip-trust';
import { RecordChipReadingHandler } from './record-chip-reading/record-chip-reading.handler';
import { RecordChipReadingController } from './record-chip-reading/record-chip-reading.http.controller';

@Module({
  imports: [IdempotencyModule],
  controllers: [RecordChipReadingController],
  providers: [ChipTrust, IdentityNumberRegistry, RecordChipReadingHandler],
})
export class ChipReadingsModule {}
