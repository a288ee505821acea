import { Module } from '@nestjs/common';
import { loadReconciliationConfig } from '../config/reconciliation-config';
import { MetricsModule } from '../metrics';
import { RECONCILIATION_CONFIG, ReconciliationService } from './reconciliation.service';

@Module({
  imports: [MetricsModule],
  providers: [{ provide: RECONCILIATION_CONFIG, useFactory: () => loadReconciliationConfig(process.env) }, ReconciliationService],
  exports: [ReconciliationService],
})
export class ReconciliationModule {}
