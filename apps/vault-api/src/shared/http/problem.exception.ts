import { HttpException } from '@nestjs/common';
import type { FieldError } from './problem';

/** An HTTP error with a stable code and, where it applies, the fields that were wrong. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export const badRequest = (field: string, message: string) =>
  new ProblemException(400, 'REQUEST.INVALID', 'The request is not valid', message, [{ field, message }]);

export const notFound = () => new ProblemException(404, 'RESOURCE.NOT_FOUND', 'Not found', 'There is nothing here you can see.');

export const forbidden = (detail: string) => new ProblemException(403, 'ACCESS.FORBIDDEN', 'Not allowed', detail);
