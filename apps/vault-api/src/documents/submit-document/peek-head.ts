import { PassThrough, Readable } from 'node:stream';

/**
 * Reads the first `bytes` of a stream without losing them: returns them and a stream that still yields everything,
 * so a file can be judged before anything is written anywhere. Uses flowing mode only: a stream read in paused
 * ('readable') mode does not start flowing again when piped in the same tick.
 */
export function peekHead(stream: Readable, bytes: number): Promise<{ head: Buffer; source: Readable }> {
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
      const source = new PassThrough();
      stream.on('error', (error) => source.destroy(error));
      source.write(head);
      stream.pipe(source);
      resolve({ head: head.subarray(0, bytes), source });
    };
    const onEnd = () => {
      cleanup();
      const head = Buffer.concat(chunks);
      resolve({ head, source: Readable.from(head.length > 0 ? [head] : []) });
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
