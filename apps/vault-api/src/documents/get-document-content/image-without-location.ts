import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { exifWithoutGps, isExif } from './exif-without-gps';
import { read, type Rewrite, RewriteFailed, scan, StreamRewriter } from './stream-rewriter';
import { tiffWithoutLocation } from './tiff-without-location';

const APP1 = 0xe1;
const APP13 = 0xed;
const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;
/** TEM and RST0–RST7 stand alone, without a length. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
/** Where a PNG keeps metadata: Exif, and text, which is also where XMP goes. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);

const emit = (...parts: Buffer[]) => ({ kind: 'emit', data: Buffer.concat(parts) }) as const;

/**
 * A JPEG without where it was taken: the Exif block keeps everything but its GPS IFD; XMP (APP1 too) and
 * Photoshop's IPTC block (APP13), which can hold the same position in words, go. The scans pass unchanged. What
 * follows the end of the image (phones append further pictures there, with Exif of their own) is left out.
 */
function* jpegWithoutLocation(): Rewrite {
  yield emit(yield* read(2));
  // Up to the first scan, each segment's marker is seen before it is passed on, so a segment can go whole.
  for (;;) {
    const marker = yield* read(2);
    if (marker[0] !== 0xff) throw new RewriteFailed('a JPEG segment that does not start with a marker');
    if (marker[1] === END_OF_IMAGE) {
      yield emit(marker);
      yield { kind: 'end' };
      return;
    }
    if (standalone(marker[1])) {
      yield emit(marker);
      continue;
    }
    const lengthField = yield* read(2);
    const length = segmentLength(lengthField);
    if (marker[1] === APP1) {
      const body = yield* read(length);
      const kept = isExif(body) ? exifWithoutGps(body) : null;
      if (kept) yield emit(marker, lengthField, kept);
    } else if (marker[1] === APP13) {
      yield { kind: 'drop', bytes: length };
    } else {
      yield emit(marker, lengthField);
      yield { kind: 'copy', bytes: length };
    }
    if (marker[1] === START_OF_SCAN) break;
  }
  // From there on a marker has passed with the data before it, so a metadata segment is blanked rather than dropped.
  for (;;) {
    const code = yield* scan();
    if (code === END_OF_IMAGE) {
      yield { kind: 'end' };
      return;
    }
    if (standalone(code)) continue;
    const lengthField = yield* read(2);
    const length = segmentLength(lengthField);
    if (code === APP1 || code === APP13) {
      yield { kind: 'drop', bytes: length };
      yield emit(lengthField, Buffer.alloc(length));
    } else {
      yield emit(lengthField);
      yield { kind: 'copy', bytes: length };
    }
  }
}

function segmentLength(lengthField: Buffer): number {
  const length = lengthField.readUInt16BE(0) - 2;
  if (length < 0) throw new RewriteFailed('a JPEG segment shorter than its own length field');
  return length;
}

/** A PNG without its Exif and text chunks; every other chunk, CRC included, passes unchanged, up to IEND. */
function* pngWithoutLocation(): Rewrite {
  yield emit(yield* read(8));
  for (;;) {
    const head = yield* read(8);
    const type = head.toString('latin1', 4, 8);
    const rest = head.readUInt32BE(0) + 4;
    if (PNG_METADATA.has(type)) {
      yield { kind: 'drop', bytes: rest };
      continue;
    }
    yield emit(head);
    yield { kind: 'copy', bytes: rest };
    if (type === 'IEND') {
      yield { kind: 'end' };
      return;
    }
  }
}

const REWRITERS: Readonly<Record<string, () => Rewrite>> = { 'image/jpeg': jpegWithoutLocation, 'image/png': pngWithoutLocation, 'image/tiff': tiffWithoutLocation };

/** Whether the vault can serve this type without where it was taken. */
export const locationCanBeRemoved = (mediaType: string): boolean => Object.hasOwn(REWRITERS, mediaType);

/**
 * The image as it streams from the store, without where it was taken: a phone photo of an ID carries the GPS
 * position of the customer's home. The stored bytes stay as handed in; only what is served changes. A file whose
 * structure breaks before its pixels fails the stream rather than risk passing a position on.
 */
export function withoutLocation(content: Readable, mediaType: string): Readable {
  return pipeline(content, new StreamRewriter(REWRITERS[mediaType]()), () => undefined);
}
