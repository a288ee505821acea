import { ProblemException } from '../shared/http/problem.exception';

/** Nothing new is written about a customer whose key was destroyed: it could never be read again. */
export class CustomerErasedProblem extends ProblemException {
  constructor() {
    super(410, 'CUSTOMER.ERASED', 'Erased', "This customer's personal data was erased; nothing new can be recorded about them.");
  }
}
