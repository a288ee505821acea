import type { Response } from 'express';
import { ProblemException } from './problem.exception';

export const setEtag = (response: Response, revision: number) => response.setHeader('ETag', `"${revision}"`);

const preconditionRequired = () =>
  new ProblemException(428, 'PRECONDITION.REQUIRED', 'If-Match is required', 'Send If-Match with the ETag of the document as you last read it.');

const staleOrMalformed = () =>
  new ProblemException(412, 'PRECONDITION.FAILED', 'The resource changed since you read it', 'The document changed since you read it. Read it again, then retry.');

/** The revision named by an If-Match header (`"3"`), or undefined when there is none. `*` names no revision. */
export function ifMatchRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw staleOrMalformed();
  return Number(match[1]);
}

export function requiredIfMatch(header: string | undefined): number {
  const revision = ifMatchRevision(header);
  if (revision === undefined) throw preconditionRequired();
  return revision;
}

export const stalePrecondition = staleOrMalformed;
