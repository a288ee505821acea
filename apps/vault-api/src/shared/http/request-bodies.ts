import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import { requestIdOf } from '../access/request-context';
import { hostileJson } from './hostile-json';
import { ProblemException } from './problem.exception';
import { problemOf } from './problem-of';
import { sendProblem } from './send-problem';

/** No request the vault defines comes near this; the limit applies after decompression, so a gzip bomb stops here. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

const logger = new Logger('RequestBodies');

const bodyProblem = (status: number, code: string, title: string, field: string, message: string) =>
  new ProblemException(status, code, title, message, [{ field, message }]);

/** The body parser's own errors, each named for what the caller must change. */
const PARSER_PROBLEMS: Readonly<Record<string, () => ProblemException>> = {
  'entity.too.large': () =>
    bodyProblem(413, 'REQUEST.TOO_LARGE', 'The request body is too large', 'body', `must be at most ${JSON_BODY_LIMIT_BYTES / 1024} KiB once decompressed`),
  'encoding.unsupported': () =>
    bodyProblem(415, 'REQUEST.ENCODING_UNSUPPORTED', 'This content encoding is not accepted', 'Content-Encoding', 'must be identity, gzip, deflate or br'),
  'charset.unsupported': () =>
    bodyProblem(415, 'REQUEST.CHARSET_UNSUPPORTED', 'This character set is not accepted', 'Content-Type', 'a JSON body must be UTF-8'),
  'entity.parse.failed': () => bodyProblem(400, 'REQUEST.INVALID', 'The request is not valid', 'body', 'is not valid JSON'),
};

interface ParserError {
  readonly type?: unknown;
  readonly status?: unknown;
}

function problemFor(error: unknown): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  const { type, status } = (error ?? {}) as ParserError;
  const known = typeof type === 'string' ? PARSER_PROBLEMS[type] : undefined;
  if (known) return known();
  // A body that cannot be read, such as a broken gzip stream, is the caller's to fix.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return bodyProblem(400, 'REQUEST.INVALID', 'The request is not valid', 'body', 'could not be read as sent; check Content-Encoding and Content-Length');
  }
  return undefined;
}

function refuseHostileJson(request: Request, _response: Response, next: NextFunction): void {
  next(hostileJson(request.body));
}

/** Express hands body errors to error middleware, not to Nest's filters: this one answers them as problems. */
function answerBodyErrors(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  const problem = problemFor(error);
  if (!problem) logger.error({ err: error, path: request.path }, 'request body failed');
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendProblem(response, problemOf(problem ?? error), requestIdOf(request));
}

/**
 * Parses JSON bodies, bounded in size and shape, and answers every failure as a 4xx problem. Multipart uploads are
 * left to their own streaming parser.
 */
export function parseRequestBodies(app: NestExpressApplication): void {
  app.use(json({ limit: JSON_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
  app.use(refuseHostileJson);
  app.use(answerBodyErrors);
}
