import { type ArgumentsHost, Catch, type ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { requestIdOf } from '../access/request-context';
import { allowedMethods } from './allowed-methods';
import type { Problem } from './problem';
import { problemOf, simpleProblem } from './problem-of';
import { sendProblem } from './send-problem';

/**
 * Every error leaves as application/problem+json. Unknown errors are logged in full and answered with a generic
 * 500, so no stack trace, path or storage key ever reaches a caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.wrongMethod(exception, request, response) ?? problemOf(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, path: request.path }, problem.title);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendProblem(response, problem, requestIdOf(request));
  }

  /** A path that exists, asked with a method it does not serve: 405 naming the methods it does (RFC 9110). */
  private wrongMethod(exception: unknown, request: Request, response: Response): Problem | undefined {
    if (!(exception instanceof NotFoundException)) return undefined;
    const allowed = allowedMethods(this.adapterHost.httpAdapter.getInstance(), request.path);
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
    response.setHeader('Allow', allowed.join(', '));
    return simpleProblem(405, 'HTTP.405', `${request.method} is not served here; use ${allowed.join(', ')}.`);
  }
}
