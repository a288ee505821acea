import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

/** Listens on a free port once, so requests Node itself must parse can reach the server byte for byte. */
export async function portOf(app: INestApplication): Promise<number> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends bytes as they are and reads the whole answer until the server closes the connection. */
export async function rawRequest(app: INestApplication, bytes: string | Buffer): Promise<RawAnswer> {
  const port = await portOf(app);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body });
    });
  });
}

/** A request with exactly these body bytes and headers: test clients re-encode compressed bodies on their own. */
export async function sendBytes(app: INestApplication, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<RawAnswer & { contentType: string }> {
  const port = await portOf(app);
  return new Promise((resolve, reject) => {
    const call = request({ port, host: '127.0.0.1', method, path, headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: JSON.stringify(response.headers),
          contentType: String(response.headers['content-type']),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    call.on('error', reject);
    call.end(body);
  });
}
