import { ProblemException } from '../../shared/http/problem.exception';

export const declaredTypeMismatch = () =>
  new ProblemException(415, 'UPLOAD.DECLARED_TYPE_MISMATCH', 'The file is not what it claims to be', 'The declared file type does not match the file\'s content.', [
    { field: 'file', message: 'the Content-Type sent for the file must match its content, or be omitted' },
  ]);

export const tooManyPages = (maxPages: number) =>
  new ProblemException(413, 'UPLOAD.TOO_MANY_PAGES', 'The document has too many pages', `Documents may have at most ${maxPages} pages.`, [
    { field: 'file', message: `at most ${maxPages} pages` },
  ]);

// Which active content was found stays out of the answer: it would tell an attacker what to disguise next.
export const activeContentRefused = () =>
  new ProblemException(
    415,
    'UPLOAD.ACTIVE_CONTENT',
    'The document contains active content',
    'PDF files with scripts, launch actions, embedded files, multimedia or form submission are not accepted. Print it to a new PDF, or scan it, and upload that.',
    [{ field: 'file', message: 'must not contain scripts, actions, embedded files or forms' }],
  );

// Likewise the signature's name is logged, never answered.
export const fileInfected = () =>
  new ProblemException(422, 'UPLOAD.MALWARE_FOUND', 'The file was refused by the malware scan', 'The malware scan found something harmful in this file. It was not stored.', [
    { field: 'file', message: 'refused by the malware scan' },
  ]);
