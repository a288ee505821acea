import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics';
import { loadReconciliationConfig } from './reconciliation-config';
import { RECONCILIATION_CONFIG, ReconciliationService } from './reconciliation.service';

@Module({
  imports: [MetricsModule],
  providers: [{ provide: RECONCILIATION_CONFIG, useFactory: () => loadReconciliationConfig(process.env) }, ReconciliationService],
  exports: [ReconciliationService],
})
export class ReconciliationModule {}
