import * as http from 'node:http';
import * as https from 'node:https';
import { BlobStoreUnavailableError } from '../blob-store.errors';

/**
 * Runs `call` with a deadline. The minio client has none of its own, and retries a busy server for minutes, so a
 * server that accepts connections but never answers would otherwise hang the caller forever.
 */
export async function withDeadline<T>(operation: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BlobStoreUnavailableError(`S3 ${operation} did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const running = call();
  // Past the deadline the call is abandoned; its late failure must not surface as an unhandled rejection.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export type S3Transport = Pick<typeof http, 'request'>;

/**
 * An HTTP transport for the minio client whose requests fail once their socket has been idle for `idleMs`, so that a
 * stalled transfer, body included, is torn down rather than abandoned.
 */
export function idleTimeoutTransport(useSSL: boolean, idleMs: number): S3Transport {
  const base = useSSL ? https : http;
  const request = (options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void) => {
    const req = base.request(options, callback);
    req.setTimeout(idleMs, () =>
      req.destroy(new BlobStoreUnavailableError(`the S3 server sent nothing for ${idleMs} ms`)),
    );
    return req;
  };
  return { request: request as typeof http.request };
}
