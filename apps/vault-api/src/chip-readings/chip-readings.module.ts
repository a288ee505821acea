import { Module } from '@nestjs/common';
import { IdempotencyService } from '../shared/http/idempotency.service';
import { ChipTrust } from './chip-trust';
import { RecordChipReadingHandler } from './record-chip-reading/record-chip-reading.handler';
import { RecordChipReadingController } from './record-chip-reading/record-chip-reading.http.controller';

@Module({
  controllers: [RecordChipReadingController],
  providers: [ChipTrust, IdempotencyService, RecordChipReadingHandler],
})
export class ChipReadingsModule {}
