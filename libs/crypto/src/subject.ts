import { InvalidSubjectError, SubjectMismatchError } from './crypto.errors';
import type { DataKey } from './key-vault.port';

/** Fits the key store's column and any customer id the vault hands out. */
export const MAX_SUBJECT_LENGTH = 200;

export function assertValidSubject(subject: string): void {
  if (typeof subject !== 'string' || subject.length === 0) throw new InvalidSubjectError('it is empty');
  if (subject.length > MAX_SUBJECT_LENGTH) throw new InvalidSubjectError(`it is longer than ${MAX_SUBJECT_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(subject)) throw new InvalidSubjectError('it contains control characters');
}

export function assertKeyOf(dataKey: DataKey, subject: string): void {
  if (dataKey.subject !== subject) throw new SubjectMismatchError();
}
