import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LyingS3Proxy {
  /** `host:port` to put in an s3:// URL. */
  readonly host: string;
  /** How many deletes of a locked version it answered as done. */
  readonly liedAbout: () => number;
  close(): Promise<void>;
}

/**
 * An S3 server that takes COMPLIANCE retention without enforcing it, as some do: every request goes through to the
 * real server, except a delete of one version, which it answers 204 as if the version were gone.
 */
export async function startLyingS3Proxy(target: URL): Promise<LyingS3Proxy> {
  let lies = 0;
  const server: Server = createServer((incoming, answer) => {
    if (incoming.method === 'DELETE' && new URL(incoming.url ?? '/', 'http://proxy').searchParams.has('versionId')) {
      lies += 1;
      incoming.resume();
      answer.writeHead(204).end();
      return;
    }
    // The Host header stays as the client signed it, so the real server accepts the signature.
    const forwarded = request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (response) => {
      answer.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(answer);
    });
    forwarded.on('error', () => answer.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    liedAbout: () => lies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
