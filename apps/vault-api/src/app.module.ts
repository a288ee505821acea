import { AuthModule } from '@kluis/auth';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from './config/config.module';
import type { VaultConfig } from './config/vault-config';
import { AccessModule } from './access/access.module';
import { AdminModule } from './admin/admin.module';
import { ChipReadingsModule } from './chip-readings/chip-readings.module';
import { DocumentsModule } from './documents/documents.module';
import { ExpiryModule } from './expiry/expiry.module';
import { HealthController } from './health/health.controller';
import type { Clock } from './infrastructure/clock';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MeModule } from './me/me.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObjectLockModule } from './object-lock/object-lock.module';

import { NoticesModule } from './notices/notices.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { RetentionModule } from './retention/retention.module';
import { ReuseModule } from './reuse/reuse.module';
import { ReviewsModule } from './reviews/reviews.module';
import { MalwareScannerModule } from './infrastructure/malware-scanner.module';
import { ScanningModule } from './scanning/scanning.module';
import { requestIdOf } from './shared/access/request-context';
import { JsonBodyInterceptor } from './shared/http/json-body.interceptor';
import { KnownQueryParametersInterceptor } from './shared/http/known-query-parameters.interceptor';
import { ProblemDetailsFilter } from './shared/http/problem-details.filter';
import { vaultValidationPipe } from './shared/http/validation.pipe';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: VaultConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.server.logLevel,
            genReqId: (request, response) => {
              const id = requestIdOf(request as never);
              response.setHeader('X-Request-Id', id);
              return id;
            },
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config, overrides),
        AuthModule.forRoot(config.auth),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.server.rateLimitPerMinute }]),
        // After AuthModule: global guards run in module order, and the throttler counts per principal.
        AccessModule,
        DocumentsModule,
        ChipReadingsModule,
        ReviewsModule,
        MeModule,
        ReuseModule,
        AdminModule,
        ExpiryModule,
        RetentionModule,
        MalwareScannerModule,
        ScanningModule,
        MetricsModule,
        ReconciliationModule,
        ObjectLockModule,
        WebhooksModule,
        NoticesModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: vaultValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: KnownQueryParametersInterceptor },
        { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor },
      ],
    };
  }
}
