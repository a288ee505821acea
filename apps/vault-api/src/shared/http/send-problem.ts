import type { Response } from 'express';
import { type Problem, PROBLEM_CONTENT_TYPE } from './problem';

/** Writes problem details, marked with the request they answer so a caller can quote it to support. */
export function sendProblem(response: Response, problem: Problem, requestId: string): void {
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: requestId }));
}
