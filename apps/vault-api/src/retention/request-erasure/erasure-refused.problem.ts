import type { ErasureRefused } from '@kluis/document-domain';
import { ProblemException } from '../../shared/http/problem.exception';

/** The refusal names the law, the ground and, where the clock runs, the last day the records are kept. */
export const erasureRefusedProblem = (refusal: ErasureRefused) =>
  new ProblemException(409, refusal.code, 'Your records must be kept', refusal.message, undefined, {
    legalBasis: refusal.legalBasis,
    ground: refusal.ground,
    retainedUntil: refusal.retainedUntil,
  });
