import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsController } from './metrics.controller';
import { RequestMetricsMiddleware } from './request-metrics.middleware';
import { UploadMetricsInterceptor } from './upload-metrics.interceptor';
import { VaultMetrics } from './vault-metrics';

@Module({
  controllers: [MetricsController],
  providers: [VaultMetrics, { provide: APP_INTERCEPTOR, useClass: UploadMetricsInterceptor }],
  exports: [VaultMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestMetricsMiddleware).forRoutes('*');
  }
}
