import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { simpleProblem } from './problem-of';

/** Node's parser codes for requests it refuses before the vault sees them, and what each means for the caller. */
const REFUSALS: Readonly<Record<string, { status: number; reason: string; code: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'REQUEST.HEADERS_TOO_LARGE',
    detail: 'The request line and headers may be at most 16 KiB together.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST.TIMEOUT', detail: 'The request took too long to arrive.' },
  HPE_INVALID_METHOD: { status: 501, reason: 'Not Implemented', code: 'REQUEST.METHOD_UNKNOWN', detail: 'This method is not known here.' },
};

const MALFORMED = { status: 400, reason: 'Bad Request', code: 'REQUEST.MALFORMED', detail: 'The request is not valid HTTP.' };

/**
 * Requests that Node itself cannot parse (oversized headers, unknown methods, broken framing) are answered as
 * problem details too, instead of Node's bare status line. The connection is closed after the answer.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ ...simpleProblem(refusal.status, refusal.code, refusal.detail), instance: randomUUID() });
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  });
}
