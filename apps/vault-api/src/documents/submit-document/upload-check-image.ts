import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ByteGatherer } from '../../shared/streams/byte-gatherer';
import { JpegMarkerFinder } from '../../shared/streams/jpeg-marker-finder';
import { jpeg } from './image-jpeg';
import { ImageDamaged, type ImageNeed, type ImageParse } from './image-parse';
import { png } from './image-png';
import { tiff } from './image-tiff';
import type { AcceptedMediaType } from './media-type';
import { imageDamaged, imageTooLarge } from './upload-check-image-problems';

export type ImageMediaType = Exclude<AcceptedMediaType, 'application/pdf'>;

const PARSERS: Readonly<Record<ImageMediaType, () => ImageParse<void>>> = { 'image/jpeg': jpeg, 'image/png': png, 'image/tiff': tiff };

/**
 * A pass-through that reads an image's structure as it streams by and fails the stream when the image is damaged,
 * cut short, or declares more than `maxPixels` pixels, which a viewer would try to allocate. The dimensions are
 * judged as soon as the header has passed, before the rest of the file is read. Memory stays at a header's worth.
 */
export function checkImage(mediaType: ImageMediaType, maxPixels: number): Transform {
  return new ImageCheck(PARSERS[mediaType](), maxPixels);
}

class ImageCheck extends Transform {
  private need: ImageNeed | null = null;
  private readonly header = new ByteGatherer();
  private readonly markers = new JpegMarkerFinder();

  constructor(
    private parser: ImageParse<void> | null,
    private readonly maxPixels: number,
  ) {
    super();
    this.advance(undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.feed(chunk);
    } catch (error) {
      callback(refusal(error));
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.parser ? refusal(new ImageDamaged('an image that ends before its structure does')) : null);
  }

  private feed(chunk: Buffer): void {
    let at = 0;
    while (this.need && at < chunk.length) {
      const need: ImageNeed = this.need;
      if (need.kind === 'read') {
        const { whole, at: next } = this.header.take(chunk, at, need.bytes);
        at = next;
        if (whole) this.advance(whole);
      } else if (need.kind === 'skip') {
        const passed = chunk.subarray(at, at + need.bytes);
        at += passed.length;
        const left = { kind: 'skip', bytes: need.bytes - passed.length, crc: crc32(passed, need.crc) } as const;
        if (left.bytes === 0) this.advance(left.crc);
        else this.need = left;
      } else {
        const { code, at: next } = this.markers.find(chunk, at);
        at = next;
        if (code !== null) this.advance(code);
      }
    }
  }

  /** Whatever a parser trips over in a hostile file (a read past a header, say) is that file being damaged. */
  private parsed(value: Buffer | number | undefined): IteratorResult<ImageNeed, void> {
    try {
      return this.parser!.next(value);
    } catch (error) {
      throw error instanceof ImageDamaged ? error : new ImageDamaged(String(error));
    }
  }

  private advance(value: Buffer | number | undefined): void {
    let next = value;
    for (;;) {
      const step = this.parsed(next);
      if (step.done) {
        this.parser = null;
        this.need = null;
        return;
      }
      const need = step.value;
      next = undefined;
      if (need.kind === 'dimensions') {
        if (need.width * need.height > this.maxPixels) throw imageTooLarge(this.maxPixels);
      } else if (need.kind === 'read' && need.bytes === 0) {
        next = Buffer.alloc(0);
      } else if (need.kind === 'skip' && need.bytes === 0) {
        next = need.crc;
      } else {
        this.need = need;
        return;
      }
    }
  }
}

const refusal = (error: unknown): Error => (error instanceof ImageDamaged ? imageDamaged() : (error as Error));
