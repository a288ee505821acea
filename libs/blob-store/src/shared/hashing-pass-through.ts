import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface HashedBytes {
  readonly size: number;
  /** Lowercase hex SHA-256. */
  readonly sha256: string;
}

/**
 * Passes bytes through unchanged while counting them and hashing them with SHA-256. `checkAtEnd`, when given, may
 * return an error to fail the stream once every byte has passed (the earliest a hash can be judged).
 */
export class HashingPassThrough extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private byteCount = 0;
  private digest: string | undefined;

  constructor(private readonly checkAtEnd?: (hashed: HashedBytes) => Error | undefined) {
    super();
  }

  get size(): number {
    return this.byteCount;
  }

  /** Only known once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('the SHA-256 is only known once the stream has ended');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    callback(this.checkAtEnd?.({ size: this.byteCount, sha256: this.digest }));
  }
}
