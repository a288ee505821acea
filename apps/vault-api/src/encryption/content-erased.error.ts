import { ProblemException } from '../shared/http/problem.exception';

/** The customer's key was destroyed: their files can never be read again, by anyone. */
export class ContentErased extends ProblemException {
  constructor() {
    super(410, 'CONTENT.ERASED', 'Erased', "This document's content was erased and can no longer be read.");
  }
}
