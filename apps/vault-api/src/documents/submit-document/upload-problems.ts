import { ProblemException } from '../../shared/http/problem.exception';

const MIB = 1024 * 1024;

export const fileTooLarge = (limit: number) =>
  new ProblemException(413, 'UPLOAD.TOO_LARGE', 'The file is too large', `Files may be at most ${Math.floor(limit / MIB)} MiB.`, [
    { field: 'file', message: `at most ${limit} bytes` },
  ]);

export const fileTypeNotAccepted = () =>
  new ProblemException(415, 'UPLOAD.TYPE_NOT_ACCEPTED', 'This file type is not accepted', 'Upload a PDF, JPEG, PNG or TIFF file.', [
    { field: 'file', message: 'must be a PDF, JPEG, PNG or TIFF file (judged by its content)' },
  ]);

export const malformedUpload = (field: string, message: string) =>
  new ProblemException(400, 'UPLOAD.MALFORMED', 'The request is not valid', message, [{ field, message }]);

export const uploadTooSlow = () =>
  new ProblemException(408, 'UPLOAD.TOO_SLOW', 'The upload was too slow', 'The upload stalled and was stopped. Check the connection and send it again.', [
    { field: 'file', message: 'arrived too slowly' },
  ]);
