import { BlobIntegrityError } from '@kluis/blob-store';
import { DomainError, UnknownEventSchema } from '@kluis/document-domain';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@kluis/event-store';
import { HttpException } from '@nestjs/common';
import { StaleRevision } from '../event-sourcing/stale-revision.error';
import { stalePrecondition } from './etag';
import { type Problem, problemType } from './problem';
import { ProblemException } from './problem.exception';
import { refusalProblem } from './refusal-problem';

const DOMAIN_STATUS = { not_found: 404, conflict: 409, validation: 400 } as const;

const STANDARD_TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'The request took too long',
  409: 'Conflict with the current state',
  412: 'The resource changed since you read it',
  413: 'The file is too large',
  415: 'This file type is not accepted',
  422: 'Idempotency key reused for a different request',
  428: 'If-Match is required',
  429: 'Too many requests',
  431: 'The request headers are too large',
  501: 'Method not known',
};

/**
 * What a caller reads for an error raised by the framework itself. Its own messages name framework classes
 * ("ThrottlerException: Too Many Requests") or echo the path, so the common ones are replaced.
 */
const STANDARD_DETAILS: Record<number, string> = {
  401: 'Send a valid bearer token.',
  404: 'There is nothing here you can see.',
  429: 'Too many requests. Wait a minute, then retry.',
};

const serverError = () => simpleProblem(500, 'SERVER.ERROR', 'Something went wrong on our side. Nothing you sent was lost.');

export function simpleProblem(status: number, code: string, detail: string): Problem {
  return { type: problemType(code), title: STANDARD_TITLES[status] ?? 'Server error', status, detail, code };
}

/** The problem details for anything thrown while answering a request. Unknown errors become a generic 500. */
export function problemOf(exception: unknown): Problem {
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
  const refusal = refusalProblem(exception);
  if (refusal) return refusal;
  if (exception instanceof DomainError) {
    const status = DOMAIN_STATUS[exception.kind];
    return {
      type: problemType(exception.code),
      title: STANDARD_TITLES[status] ?? 'Request failed',
      status,
      detail: exception.message,
      code: exception.code,
      ...(exception.fields.length > 0 ? { errors: exception.fieldErrors() } : {}),
    };
  }
  // A command taken at a revision the stream has moved past: the caller reads again and decides again.
  if (exception instanceof StaleRevision) return problemOf(stalePrecondition());
  if (exception instanceof WrongExpectedRevisionError) {
    return simpleProblem(409, 'DOCUMENT.CONCURRENT_CHANGE', 'Someone else changed this document at the same moment. Read it again and retry.');
  }
  if (exception instanceof EventStoreUnavailableError) {
    return simpleProblem(503, 'SERVICE.UNAVAILABLE', 'The vault cannot reach its event store right now. Nothing was changed; try again shortly.');
  }
  if (exception instanceof BlobIntegrityError) {
    return simpleProblem(500, 'CONTENT.INTEGRITY', 'The stored file failed its integrity check. Operations has been alerted.');
  }
  if (exception instanceof UnknownEventSchema) return serverError();
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const title = STANDARD_TITLES[status] ?? 'Request failed';
    return { type: problemType(`HTTP.${status}`), title, status, detail: status >= 500 ? title : (STANDARD_DETAILS[status] ?? exception.message), code: `HTTP.${status}` };
  }
  return serverError();
}
