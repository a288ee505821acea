import type { AcceptedMediaType } from './media-type';

/**
 * Declared types that claim nothing. Browsers send application/octet-stream for a file they cannot name, and a part
 * without a Content-Type is text/plain by definition (RFC 7578, 4.4), which is also what busboy reports for it.
 */
const CLAIMS_NOTHING: ReadonlySet<string> = new Set(['', 'application/octet-stream', 'text/plain']);

/** The names clients use for each accepted type, older non-standard spellings included. */
const SPELLINGS: Readonly<Record<AcceptedMediaType, readonly string[]>> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/png': ['image/png', 'image/x-png'],
  'image/tiff': ['image/tiff', 'image/x-tiff'],
};

/**
 * Whether the Content-Type a client declared for the file agrees with the type its bytes show. A file that claims to
 * be one thing and is another (a PNG that is a PDF, HTML sent as anything) is refused rather than believed.
 */
export function declaredTypeMatches(declaredMimeType: string | undefined, sniffed: AcceptedMediaType): boolean {
  if (declaredMimeType === undefined) return true;
  const essence = declaredMimeType.split(';', 1)[0].trim().toLowerCase();
  return CLAIMS_NOTHING.has(essence) || SPELLINGS[sniffed].includes(essence);
}
