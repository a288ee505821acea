import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { VaultMetrics } from '../../metrics';
import type { DocumentView } from '../document.view';

/** Counts uploads by outcome, and the bytes of those stored, from what the upload endpoint answered. */
@Injectable()
export class UploadMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: VaultMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap({
        next: (answer) => {
          const stored = response.statusCode === 201;
          this.metrics.uploads.inc({ outcome: stored ? 'stored' : 'duplicate' });
          if (stored) this.metrics.uploadedBytes.inc((answer as DocumentView).file.size);
        },
        error: () => this.metrics.uploads.inc({ outcome: 'refused' }),
      }),
    );
  }
}
