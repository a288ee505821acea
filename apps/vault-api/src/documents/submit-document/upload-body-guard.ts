import type { Request } from 'express';

/** Fewer bytes than this in a whole stall window, while the vault was ready to read, is a stalled sender. */
const MIN_BYTES_PER_WINDOW = 1024;

export interface BodyGuardLimits {
  /** The whole body: file, fields and multipart framing. */
  readonly maxBytes: number;
  readonly stallMs: number;
}

/**
 * Watches a request body as it arrives, whatever its framing: Content-Length or chunked, a file or a text field.
 * Calls `stop` as soon as the body passes `maxBytes`, or delivers too little for a whole window while the vault was
 * reading, so neither a huge body nor a trickle holds a connection. Returns the function that ends the watch.
 */
export function guardBody(request: Request, limits: BodyGuardLimits, stop: (reason: 'too-large' | 'too-slow') => void): () => void {
  let total = 0;
  let inWindow = 0;
  const onData = (chunk: Buffer) => {
    total += chunk.length;
    inWindow += chunk.length;
    if (total > limits.maxBytes) stop('too-large');
  };
  const stall = setInterval(() => {
    // Paused means the vault holds the body back (a slow disk or scanner): that is not the sender's fault.
    if (inWindow < MIN_BYTES_PER_WINDOW && !request.isPaused()) stop('too-slow');
    inWindow = 0;
  }, limits.stallMs);
  stall.unref();
  const end = () => {
    clearInterval(stall);
    request.off('data', onData);
    request.off('end', end);
  };
  request.on('data', onData);
  request.on('end', end);
  return end;
}
