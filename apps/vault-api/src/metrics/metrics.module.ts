import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { VaultMetrics } from './vault-metrics';

@Module({ controllers: [MetricsController], providers: [VaultMetrics] })
export class MetricsModule {}
