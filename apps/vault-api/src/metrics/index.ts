export { MetricsModule } from './metrics.module';
export { VaultMetrics } from './vault-metrics';
