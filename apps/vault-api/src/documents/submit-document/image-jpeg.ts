import { declare, entropyCodedData, ImageDamaged, type ImageParse, read, skip } from './image-parse';

const END_OF_IMAGE = 0xd9;
const START_OF_SCAN = 0xda;
/** SOF0–SOF15 but for DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const START_OF_FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** TEM and RST0–RST7 stand alone, without a length. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function* marker(): ImageParse<number> {
  if ((yield* read(1))[0] !== 0xff) throw new ImageDamaged('a JPEG segment that does not start with a marker');
  let code: number;
  do code = (yield* read(1))[0];
  while (code === 0xff);
  if (code === 0x00) throw new ImageDamaged('a JPEG marker of zero');
  return code;
}

/**
 * A JPEG from SOI to EOI: every segment's length, a frame header (SOFn) that is whole and declares its size before
 * the first scan, and the scans' entropy-coded data up to the EOI. Bytes after the EOI (phones append a second
 * picture there) are not looked at.
 */
export function* jpeg(): ImageParse<void> {
  const start = yield* read(2);
  if (start[0] !== 0xff || start[1] !== 0xd8) throw new ImageDamaged('no JPEG start of image');
  let framed = false;
  let code = yield* marker();
  for (;;) {
    if (code === END_OF_IMAGE) {
      if (!framed) throw new ImageDamaged('a JPEG without a frame');
      return;
    }
    if (standalone(code)) {
      code = yield* marker();
      continue;
    }
    const length = (yield* read(2)).readUInt16BE(0);
    if (length < 2) throw new ImageDamaged('a JPEG segment shorter than its own length field');
    if (START_OF_FRAME.has(code)) {
      const frame = yield* read(length - 2);
      if (frame.length < 6 || frame.length !== 6 + 3 * frame[5] || frame[5] === 0) throw new ImageDamaged('a JPEG frame header of the wrong length');
      yield* declare(frame.readUInt16BE(3), frame.readUInt16BE(1));
      framed = true;
    } else {
      yield* skip(length - 2);
    }
    if (code === START_OF_SCAN) {
      if (!framed) throw new ImageDamaged('a JPEG scan before its frame header');
      code = yield* entropyCodedData();
    } else {
      code = yield* marker();
    }
  }
}
