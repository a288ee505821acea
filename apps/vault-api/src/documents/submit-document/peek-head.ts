import { Readable } from 'node:stream';

export interface PeekedStream {
  readonly head: Buffer;
  /** The whole stream, first bytes included; made when asked for, so that it can be piped at once. */
  readonly source: () => Readable;
}

/**
 * Reads the first `bytes` of a stream without losing them: returns them, and puts them back at the front of the
 * stream, so a file can be judged before anything is written anywhere and then be read whole. No second stream is
 * made: one made here would exist without an error listener until the caller pipes it, and an error in between (a
 * body cut off right after the first bytes) would be thrown at the process. The stream is left paused; piping it
 * starts it again.
 */
export function peekHead(stream: Readable, bytes: number): Promise<PeekedStream> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length < bytes) return;
      stream.pause();
      cleanup();
      const head = Buffer.concat(chunks);
      stream.unshift(head);
      resolve({ head: head.subarray(0, bytes), source: () => stream });
    };
    const onEnd = () => {
      cleanup();
      const head = Buffer.concat(chunks);
      // Nothing can be put back after the end: the short stream is handed out again from its head.
      resolve({ head, source: () => Readable.from(head.length > 0 ? [head] : []) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
