import { Transform, type TransformCallback } from 'node:stream';

export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super('upload exceeds the size limit');
  }
}

/** Passes bytes through until `limit` is exceeded, then fails, so an oversized upload is never stored whole. */
export function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(new TooLarge(limit));
      else callback(null, chunk);
    },
  });
}
