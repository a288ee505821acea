import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem';
import { ProblemException } from './problem.exception';

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const invalidFields = (errors: readonly FieldError[]) =>
  new ProblemException(400, 'REQUEST.INVALID', 'The request is not valid', errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);

/** Validates every DTO, refuses unknown fields, and answers 400 naming each wrong field. */
export const vaultValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });

export const validationErrorsToFields = flatten;
