import type { Response } from 'express';
import { badRequest, ProblemException } from './problem.exception';

export const setEtag = (response: Response, revision: number) => response.setHeader('ETag', `"${revision}"`);

const preconditionRequired = () =>
  new ProblemException(428, 'PRECONDITION.REQUIRED', 'If-Match is required', 'Send If-Match with the ETag of the document as you last read it.');

const staleOrMalformed = () =>
  new ProblemException(412, 'PRECONDITION.FAILED', 'The resource changed since you read it', 'The document changed since you read it. Read it again, then retry.');

const STRONG = /^\s*"(\d{1,15})"\s*$/;
const WEAK = /^\s*W\/"[^"]*"\s*$/;

/** What an If-Match header asks for: no check at all, any current version (`*`), or one revision. */
type IfMatch = { readonly kind: 'absent' } | { readonly kind: 'any' } | { readonly kind: 'revision'; readonly revision: number };

/**
 * Reads If-Match by RFC 9110: `*` matches any current version, and a write compares strongly, so a weak
 * validator never matches (412). Anything that is not an entity tag the vault sends is refused with 400.
 */
function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return { kind: 'absent' };
  if (header.trim() === '*') return { kind: 'any' };
  const strong = STRONG.exec(header);
  if (strong) return { kind: 'revision', revision: Number(strong[1]) };
  if (WEAK.test(header)) throw staleOrMalformed();
  throw badRequest('If-Match', 'must be "*" or one ETag as the vault sent it, such as "3"');
}

/** The revision named by an If-Match header (`"3"`), or undefined when there is none or it is `*`. */
export function ifMatchRevision(header: string | undefined): number | undefined {
  const ifMatch = parseIfMatch(header);
  return ifMatch.kind === 'revision' ? ifMatch.revision : undefined;
}

/** Like ifMatchRevision, but a write that must name what it saw is refused (428) without the header. */
export function requiredIfMatch(header: string | undefined): number | undefined {
  const ifMatch = parseIfMatch(header);
  if (ifMatch.kind === 'absent') throw preconditionRequired();
  return ifMatch.kind === 'revision' ? ifMatch.revision : undefined;
}

export const stalePrecondition = staleOrMalformed;
