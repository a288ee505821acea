import { ProblemException } from '../../shared/http/problem.exception';
import type { PdfJudgement } from './upload-check-policy';

export const declaredTypeMismatch = () =>
  new ProblemException(415, 'UPLOAD.DECLARED_TYPE_MISMATCH', 'The file is not what it claims to be', 'The declared file type does not match the file\'s content.', [
    { field: 'file', message: 'the Content-Type sent for the file must match its content, or be omitted' },
  ]);

export const tooManyPages = (maxPages: number) =>
  new ProblemException(413, 'UPLOAD.TOO_MANY_PAGES', 'The document has too many pages', `Documents may have at most ${maxPages} pages.`, [
    { field: 'file', message: `at most ${maxPages} pages` },
  ]);

// Which active content was found stays out of the answer: it would tell an attacker what to disguise next. The advice
// keeps a signed original intact: printing it to a new PDF would strip a notary's digital signature.
export const activeContentRefused = () =>
  new ProblemException(
    415,
    'UPLOAD.ACTIVE_CONTENT',
    'The document contains active content',
    'PDF files with scripts, actions that run or open other files or web addresses by themselves, embedded files, multimedia or forms that submit are not accepted. A digitally signed PDF is welcome as long as it carries none of these: ask whoever signed it, such as the notary, for a copy signed without scripts, attachments or form actions (a PDF/A copy has none), and upload that.',
    [{ field: 'file', message: 'must not contain scripts, automatic actions, embedded files, multimedia or forms that submit' }],
  );

// A reviewer has to read the document; restrictions on printing or editing are fine, as they need no password to open.
export const passwordProtected = () =>
  new ProblemException(
    422,
    'UPLOAD.PASSWORD_PROTECTED',
    'The document is protected by a password',
    'A reviewer cannot open a PDF that asks for a password. Save a copy without an open password (restrictions on printing or editing may stay), and upload that.',
    [{ field: 'file', message: 'must open without a password' }],
  );

/** The answer to a PDF the upload check policy refuses. */
export function pdfRefused(judgement: Exclude<PdfJudgement, { outcome: 'accept' }>): ProblemException {
  switch (judgement.outcome) {
    case 'too-many-pages':
      return tooManyPages(judgement.maxPages);
    case 'password-protected':
      return passwordProtected();
    case 'active-content':
      return activeContentRefused();
  }
}

// Likewise the signature's name is logged, never answered.
export const fileInfected = () =>
  new ProblemException(422, 'UPLOAD.MALWARE_FOUND', 'The file was refused by the malware scan', 'The malware scan found something harmful in this file. It was not stored.', [
    { field: 'file', message: 'refused by the malware scan' },
  ]);
