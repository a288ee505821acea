import { BlobIntegrityError } from '@kluis/blob-store';
import { DomainError, UnknownEventSchema } from '@kluis/document-domain';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@kluis/event-store';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { ProblemException } from './problem.exception';

const DOMAIN_STATUS = { not_found: 404, conflict: 409, validation: 400 } as const;

const STANDARD_TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict with the current state',
  412: 'The resource changed since you read it',
  413: 'The file is too large',
  415: 'This file type is not accepted',
  422: 'Idempotency key reused for a different request',
  428: 'If-Match is required',
  429: 'Too many requests',
};

/**
 * Every error leaves as application/problem+json. Unknown errors are logged in full and answered with a generic
 * 500, so no stack trace, path or storage key ever reaches a caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, path: request.path }, problem.title);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.getStatus(),
        detail: exception.detail,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...exception.extensions,
      };
    }
    if (exception instanceof DomainError) {
      const status = DOMAIN_STATUS[exception.kind];
      return {
        type: problemType(exception.code),
        title: STANDARD_TITLES[status],
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception.fields.length > 0 ? { errors: exception.fieldErrors() } : {}),
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return this.simple(409, 'DOCUMENT.CONCURRENT_CHANGE', 'Someone else changed this document at the same moment. Read it again and retry.');
    }
    if (exception instanceof EventStoreUnavailableError) {
      return this.simple(503, 'SERVICE.UNAVAILABLE', 'The vault cannot reach its event store right now. Nothing was changed; try again shortly.');
    }
    if (exception instanceof BlobIntegrityError) {
      return this.simple(500, 'CONTENT.INTEGRITY', 'The stored file failed its integrity check. Operations has been alerted.');
    }
    if (exception instanceof UnknownEventSchema) {
      return this.simple(500, 'SERVER.ERROR', 'Something went wrong on our side. Nothing you sent was lost.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const title = STANDARD_TITLES[status] ?? 'Request failed';
      return { type: problemType(`HTTP.${status}`), title, status, detail: status >= 500 ? title : exception.message, code: `HTTP.${status}` };
    }
    return this.simple(500, 'SERVER.ERROR', 'Something went wrong on our side. Nothing you sent was lost.');
  }

  private simple(status: number, code: string, detail: string): Problem {
    return { type: problemType(code), title: STANDARD_TITLES[status] ?? 'Server error', status, detail, code };
  }
}
