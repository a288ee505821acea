/**
 * Image headers are read by parsers written as generators: each yields what it needs next from the stream and is
 * resumed with it, so a parser reads like straight-line code while the file streams by a chunk at a time, and
 * nothing but the few bytes asked for is ever held.
 */
export type ImageNeed =
  /** The next `bytes` bytes, handed back whole: only ever a header's worth. */
  | { readonly kind: 'read'; readonly bytes: number }
  /** Pass `bytes` bytes by, handing back their CRC-32 continued from `crc` (PNG chunks are checked this way). */
  | { readonly kind: 'skip'; readonly bytes: number; readonly crc: number }
  /** Pass JPEG entropy-coded data by, handing back the first marker that ends it. */
  | { readonly kind: 'marker' }
  /** The dimensions the image declares, to be judged before the rest of it is read. */
  | { readonly kind: 'dimensions'; readonly width: number; readonly height: number };

export type ImageParse<T> = Generator<ImageNeed, T, Buffer | number | undefined>;

/** What makes an image one no viewer could show as declared; the message says what, for whoever debugs a refusal. */
export class ImageDamaged extends Error {}

export function* read(bytes: number): ImageParse<Buffer> {
  return (yield { kind: 'read', bytes }) as Buffer;
}

export function* skip(bytes: number, crc = 0): ImageParse<number> {
  return (yield { kind: 'skip', bytes, crc }) as number;
}

export function* entropyCodedData(): ImageParse<number> {
  return (yield { kind: 'marker' }) as number;
}

export function* declare(width: number, height: number): ImageParse<void> {
  if (width <= 0 || height <= 0) throw new ImageDamaged('an image without pixels');
  yield { kind: 'dimensions', width, height };
}
