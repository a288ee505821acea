import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { VaultMetrics } from './vault-metrics';

/** Times every request from its arrival, guards and errors included, and files it under its route pattern. */
@Injectable()
export class RequestMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: VaultMetrics) {}

  use(request: Request, response: Response, next: () => void): void {
    const end = this.metrics.requestDuration.startTimer();
    response.once('finish', () => end({ method: request.method, route: routeOf(request), status: String(response.statusCode) }));
    next();
  }
}

/** A path no route matched is one series, whatever was asked for. */
function routeOf(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : 'unmatched';
}
