import { Transform, type TransformCallback } from 'node:stream';
import { ByteGatherer } from '../../shared/streams/byte-gatherer';
import { JpegMarkerFinder } from '../../shared/streams/jpeg-marker-finder';

/**
 * What a rewriter does next with the stream: `read` takes bytes to look at (handed back, not passed on), `emit`
 * passes bytes on, `copy` and `drop` pass or leave out the next bytes unseen, `scan` passes JPEG entropy-coded data
 * up to and including the marker that ends it (handing back the marker's code), `rest` passes everything that
 * follows and `end` leaves it out. Only what is read is ever held, so a rewriter asks to read headers and segments, never pixels.
 */
export type RewriteStep =
  | { readonly kind: 'read'; readonly bytes: number }
  | { readonly kind: 'emit'; readonly data: Buffer }
  | { readonly kind: 'copy' | 'drop'; readonly bytes: number }
  | { readonly kind: 'scan' }
  | { readonly kind: 'rest' }
  | { readonly kind: 'end' };

type Resumed = Buffer | number | undefined;

export type Rewrite = Generator<RewriteStep, void, Resumed>;

export function* read(bytes: number): Generator<RewriteStep, Buffer, Resumed> {
  return (yield { kind: 'read', bytes }) as Buffer;
}

export function* scan(): Generator<RewriteStep, number, Resumed> {
  return (yield { kind: 'scan' }) as number;
}

/** The stream ended, or its structure broke, where the rewriter could not tell what to leave out. */
export class RewriteFailed extends Error {}

/** Runs a rewriter, written as a generator, over a stream as it flows by. */
export class StreamRewriter extends Transform {
  private step: RewriteStep | null = null;
  private readonly header = new ByteGatherer();
  private readonly markers = new JpegMarkerFinder();
  private ended = false;
  private passing = false;

  constructor(private readonly rewrite: Rewrite) {
    super();
    this.advance(undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.feed(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.ended || this.passing ? null : new RewriteFailed('the file ended inside a part the rewriter had to look at'));
  }

  private feed(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.passing) {
        this.push(chunk.subarray(at));
        return;
      }
      const step = this.step!;
      if (step.kind === 'read') {
        const { whole, at: next } = this.header.take(chunk, at, step.bytes);
        at = next;
        if (whole) this.advance(whole);
      } else if (step.kind === 'scan') {
        const { code, at: next } = this.markers.find(chunk, at);
        this.push(chunk.subarray(at, next));
        at = next;
        if (code !== null) this.advance(code);
      } else if (step.kind === 'copy' || step.kind === 'drop') {
        const passed = chunk.subarray(at, at + step.bytes);
        at += passed.length;
        if (step.kind === 'copy') this.push(passed);
        if (passed.length === step.bytes) this.advance(undefined);
        else this.step = { kind: step.kind, bytes: step.bytes - passed.length };
      }
    }
  }

  private advance(value: Resumed): void {
    let next = value;
    for (;;) {
      const result = this.rewrite.next(next);
      next = undefined;
      if (result.done) throw new RewriteFailed('the rewriter stopped before the end of the file');
      const step = result.value;
      if (step.kind === 'emit') this.push(step.data);
      else if (step.kind === 'end' || step.kind === 'rest') {
        this.ended = step.kind === 'end';
        this.passing = step.kind === 'rest';
        return;
      } else if (step.kind === 'scan') {
        this.step = step;
        return;
      } else if (step.bytes === 0) {
        if (step.kind === 'read') next = Buffer.alloc(0);
      } else {
        this.step = step;
        return;
      }
    }
  }
}
