import { crc32 } from 'node:zlib';
import { declare, ImageDamaged, type ImageParse, read, skip } from './image-parse';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_CHUNK_LENGTH = 0x7fffffff;
/** The bit depths each colour type allows (PNG 11.2.2). */
const BIT_DEPTHS: ReadonlyMap<number, readonly number[]> = new Map([
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
]);

function* chunkHeader(): ImageParse<{ length: number; type: string; typeBytes: Buffer }> {
  const head = yield* read(8);
  const length = head.readUInt32BE(0);
  if (length > MAX_CHUNK_LENGTH) throw new ImageDamaged('a PNG chunk longer than the format allows');
  const typeBytes = head.subarray(4, 8);
  if (!typeBytes.every((byte) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))) throw new ImageDamaged('a PNG chunk type that is not four letters');
  return { length, type: typeBytes.toString('latin1'), typeBytes };
}

function* crcMatches(crc: number): ImageParse<void> {
  if ((yield* read(4)).readUInt32BE(0) !== crc) throw new ImageDamaged('a PNG chunk whose CRC does not match');
}

/**
 * A PNG from signature to IEND: IHDR first, whole and with a matching CRC, then every chunk's length, type and CRC,
 * at least one IDAT, and IEND. What follows IEND is not looked at.
 */
export function* png(): ImageParse<void> {
  if (!(yield* read(8)).equals(SIGNATURE)) throw new ImageDamaged('no PNG signature');
  const first = yield* chunkHeader();
  if (first.type !== 'IHDR' || first.length !== 13) throw new ImageDamaged('a PNG that does not start with its IHDR');
  const header = yield* read(13);
  yield* crcMatches(crc32(header, crc32(first.typeBytes)));
  const [bitDepth, colourType, compression, filter, interlace] = header.subarray(8);
  if (!BIT_DEPTHS.get(colourType)?.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) throw new ImageDamaged('a PNG header with impossible values');
  yield* declare(header.readUInt32BE(0), header.readUInt32BE(4));
  let imageData = false;
  for (;;) {
    const chunk = yield* chunkHeader();
    if (chunk.type === 'IHDR') throw new ImageDamaged('a second PNG header');
    yield* crcMatches(yield* skip(chunk.length, crc32(chunk.typeBytes)));
    if (chunk.type === 'IDAT') imageData = true;
    if (chunk.type === 'IEND') {
      if (!imageData) throw new ImageDamaged('a PNG without image data');
      return;
    }
  }
}
