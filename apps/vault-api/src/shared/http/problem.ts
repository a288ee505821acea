/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A stable URI per kind of problem, derived from its code so clients can switch on it. */
export const problemType = (code: string) => `urn:kluis:problem:${code.toLowerCase().replace(/[._]/g, '-')}`;
