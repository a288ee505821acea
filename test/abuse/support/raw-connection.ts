import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Whether the vault closed the connection after answering. */
  readonly closed: boolean;
  /** Request body bytes written before the answer came. */
  readonly sent: number;
  readonly elapsedMs: number;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | number>>;
  /** Written as they come; each is a separate write, after `pauseMs`. */
  readonly body: Iterable<Buffer> | AsyncIterable<Buffer>;
  readonly pauseMs?: number;
  /** Give up waiting for an answer after this long; the answer then has status 0. */
  readonly timeoutMs?: number;
}

/**
 * One request over its own TCP connection, written piece by piece, exactly as given: no client library fixes up a
 * cut-off body, a missing length or a slow sender. Stops writing as soon as an answer arrives.
 */
export function sendRaw(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: hostname, port: Number(port), noDelay: true });
    const received: Buffer[] = [];
    let sent = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(received)), closed, sent, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), request.timeoutMs ?? 20_000);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      const answer = parseAnswer(Buffer.concat(received));
      // A complete answer on a connection the vault keeps open: nothing more will come.
      if (answer.complete && answer.headers.connection !== 'close') finish(false);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    const head = [`${request.method ?? 'POST'} ${request.path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`)];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    void (async () => {
      for await (const piece of request.body) {
        if (done || received.length > 0) return;
        if (request.pauseMs !== undefined) await new Promise((wait) => setTimeout(wait, request.pauseMs));
        else await new Promise((wait) => setImmediate(wait));
        if (done || socket.destroyed) return;
        sent += piece.length;
        // Honour backpressure, as a real client does: bytes count as sent once the vault could take them.
        if (!socket.write(piece)) await new Promise((drained) => (socket.once('drain', drained), socket.once('close', drained)));
      }
    })();
  });
}

function parseAnswer(bytes: Buffer): { status: number; headers: Record<string, string>; text: string; complete: boolean } {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, text: '', complete: false };
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = bytes.subarray(end + 4);
  let complete = false;
  if (headers['transfer-encoding'] === 'chunked') {
    const decoded = dechunk(body);
    body = decoded.body;
    complete = decoded.complete;
  } else {
    const length = Number(headers['content-length'] ?? 0);
    complete = body.length >= length;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text: body.toString('utf8'), complete };
}

function dechunk(bytes: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false };
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

/** A body in HTTP/1.1 chunked framing, one frame per piece, ended with the last-chunk marker unless `unterminated`. */
export async function* chunked(pieces: Iterable<Buffer> | AsyncIterable<Buffer>, unterminated = false): AsyncGenerator<Buffer> {
  for await (const piece of pieces) if (piece.length > 0) yield Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
  if (!unterminated) yield Buffer.from('0\r\n\r\n');
}

/** `bytes` cut into pieces of `size`. */
export function* piecesOf(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export interface MultipartBody {
  readonly contentType: string;
  readonly bytes: Buffer;
  /** Where the closing boundary starts: a body cut before it is incomplete. */
  readonly closingAt: number;
}

/** A multipart upload as a browser sends it: text fields first, then the file. */
export function multipartUpload(file: Buffer, fields: Readonly<Record<string, string>> = { type: 'passport' }, part: { filename?: string; contentType?: string } = {}): MultipartBody {
  const boundary = `kluis-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.filename ?? 'scan.pdf'}"\r\nContent-Type: ${part.contentType ?? 'application/pdf'}\r\n\r\n`,
  );
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat([head, file, closing]), closingAt: head.length + file.length };
}
