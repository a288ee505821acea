import { AccessRefused, NotVisible } from '../access/policy/access.errors';
import { type Problem, problemType } from './problem';

const problem = (status: number, title: string, error: Error & { code: string }): Problem => ({
  type: problemType(error.code),
  title,
  status,
  detail: error.message,
  code: error.code,
});

/**
 * The answer to a refusal raised below the controllers. The access rules serve background processes and the
 * command pipeline too, so their errors know nothing of HTTP: their status is decided here.
 */
export function refusalProblem(exception: unknown): Problem | undefined {
  if (exception instanceof AccessRefused) return problem(403, 'Not allowed', exception);
  if (exception instanceof NotVisible) return problem(404, 'Not found', exception);
  return undefined;
}
