import type { ChipVerdict } from '@kluis/chip-verification';
import { ProblemException } from '../../shared/http/problem.exception';

/** What a refusal says, kept so that a request repeated with its Idempotency-Key is answered the same. */
export interface ChipRefusal {
  readonly documentId: string;
  readonly failure: { readonly code: string; readonly message: string };
  readonly steps: ChipVerdict['steps'];
}

export function refusalOf(documentId: string, verdict: ChipVerdict): ChipRefusal {
  return { documentId, failure: verdict.failure ?? { code: 'CHIP.MALFORMED', message: 'the reading did not pass passive authentication' }, steps: verdict.steps };
}

/** A reading that failed passive authentication: kept for a reviewer, and answered with its stable code. */
export function chipReadingRefused({ documentId, failure, steps }: ChipRefusal): ProblemException {
  return new ProblemException(422, failure.code, 'The chip reading did not pass passive authentication', `${capitalised(failure.message)}. The reading is kept for a reviewer and is not evidence.`, undefined, {
    documentId,
    steps,
  });
}

export function chipVerificationOff(): ProblemException {
  return new ProblemException(503, 'CHIP.NOT_CONFIGURED', 'Chip verification is not configured', 'This vault has no CSCA trust store, so it cannot verify chip readings. Nothing was stored.');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
