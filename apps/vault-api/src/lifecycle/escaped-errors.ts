import { PROBLEM_CONTENT_TYPE, problemType } from '../shared/http/problem';
import { currentResponse } from './request-scope';

export interface EscapedErrorLog {
  error(context: object, message: string): void;
}

const serverError = JSON.stringify({
  type: problemType('SERVER.ERROR'),
  title: 'Server error',
  status: 500,
  detail: 'Something went wrong on our side. Nothing you sent was lost.',
  code: 'SERVER.ERROR',
});

/**
 * Keeps the process up when an error escapes a request (a stream failing with nobody listening, a promise nobody
 * awaited): one customer's request must never stop the vault for everyone. The error is logged and counted, and the
 * request it came from, when known, is answered with a 500 problem and its connection closed.
 */
export function answerEscapedErrors(log: EscapedErrorLog, count: () => void): void {
  const handle = (error: unknown, origin: string) => {
    count();
    log.error({ err: error, origin }, 'an error escaped its request; the vault carries on');
    const response = currentResponse();
    if (!response) return;
    try {
      if (response.headersSent) response.destroy();
      else response.status(500).setHeader('Connection', 'close').type(PROBLEM_CONTENT_TYPE).send(serverError);
    } catch (failure) {
      // Thrown from here, it would be the one error that does stop the process.
      log.error({ err: failure }, 'could not answer the request an error escaped from');
      response.destroy();
    }
  };
  process.on('uncaughtException', (error, origin) => handle(error, origin));
  process.on('unhandledRejection', (reason) => handle(reason, 'unhandledRejection'));
}
