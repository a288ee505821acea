import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics';
import { ReconciliationService } from './reconciliation.service';

@Module({
  imports: [MetricsModule],
  providers: [ReconciliationService],
  exports: [ReconciliationService],
})
export class ReconciliationModule {}
