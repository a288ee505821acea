import type { ChipVerdict } from '@kluis/chip-verification';
import { ProblemException } from '../../shared/http/problem.exception';

/** A reading that failed passive authentication: kept for a reviewer, and answered with its stable code. */
export function chipReadingRefused(documentId: string, verdict: ChipVerdict): ProblemException {
  const failure = verdict.failure ?? { code: 'CHIP.MALFORMED', message: 'the reading did not pass passive authentication' };
  return new ProblemException(422, failure.code, 'The chip reading did not pass passive authentication', `${capitalised(failure.message)}. The reading is kept for a reviewer and is not evidence.`, undefined, {
    documentId,
    steps: verdict.steps,
  });
}

export function chipVerificationOff(): ProblemException {
  return new ProblemException(503, 'CHIP.NOT_CONFIGURED', 'Chip verification is not configured', 'This vault has no CSCA trust store, so it cannot verify chip readings. Nothing was stored.');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
