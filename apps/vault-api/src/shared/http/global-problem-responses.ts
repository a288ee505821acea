import type { ApiResponseOptions } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';

/** Answers any endpoint may give, whatever it declares itself: the ones the HTTP layer gives before a use case runs. */
export const GLOBAL_PROBLEM_RESPONSES: ApiResponseOptions[] = [
  { status: 400, type: ProblemResponse, description: 'Bad input, naming each field; unknown query parameters and body keys included' },
  { status: 405, type: ProblemResponse, description: 'A method this path does not serve; Allow lists the ones it does' },
  { status: 413, type: ProblemResponse, description: 'A JSON body over 100 KiB once decompressed' },
  { status: 415, type: ProblemResponse, description: 'A body that is not UTF-8 JSON where JSON is read, or an unknown Content-Encoding' },
  { status: 429, type: ProblemResponse, description: 'Too many requests from this principal, or too many refused tokens from this address' },
];
