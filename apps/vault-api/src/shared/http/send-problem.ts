import type { Response } from 'express';
import { type Problem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Writes problem details, marked with the request they answer so a caller can quote it to support. Requests refused
 * before the logger saw them get the id in X-Request-Id here, so the header and the instance always agree.
 */
export function sendProblem(response: Response, problem: Problem, requestId: string): void {
  if (!response.hasHeader('X-Request-Id')) response.setHeader('X-Request-Id', requestId);
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: requestId }));
}
