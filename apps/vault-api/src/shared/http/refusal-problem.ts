import { AccessRefused, NotVisible, TooManyCustomers } from '../access/policy/access.errors';
import { ContentErased } from '../erasure/content-erased.error';
import { CustomerErasedError } from '../erasure/customer-erased.error';
import { type Problem, problemType } from './problem';

const problem = (status: number, title: string, error: Error & { code: string }, extensions: Record<string, unknown> = {}): Problem => ({
  type: problemType(error.code),
  title,
  status,
  detail: error.message,
  code: error.code,
  ...extensions,
});

/**
 * The answer to a refusal raised below the controllers. The access rules, the content store and the sealing of
 * events serve background processes too, so their errors know nothing of HTTP: their status is decided here.
 */
export function refusalProblem(exception: unknown): Problem | undefined {
  if (exception instanceof AccessRefused) return problem(403, 'Not allowed', exception);
  if (exception instanceof NotVisible) return problem(404, 'Not found', exception);
  if (exception instanceof TooManyCustomers) {
    return problem(429, 'Too many customers', exception, exception.period === 'hour' ? { limitPerHour: exception.limit } : { limitPerDay: exception.limit });
  }
  if (exception instanceof ContentErased || exception instanceof CustomerErasedError) return problem(410, 'Erased', exception);
  return undefined;
}
