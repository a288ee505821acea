import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Real images, built byte by byte so that every test can see what it sends: PNG chunks with their CRCs, a baseline
 * JPEG with its own tables and entropy-coded data, and a TIFF with one strip. Each carries a few random bytes where
 * a viewer ignores them, so every call is a different file.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit greyscale PNG; `declared` states other dimensions in IHDR than the pixels it holds. */
export function aPngImage(options: { width?: number; height?: number; declared?: { width: number; height: number }; chunks?: Buffer[] } = {}): Buffer {
  const width = options.width ?? 16;
  const height = options.height ?? 16;
  const declared = options.declared ?? { width, height };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(declared.width, 0);
  header.writeUInt32BE(declared.height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width)])));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    ...(options.chunks ?? []),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, data: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

/**
 * A baseline greyscale JPEG. Its Huffman tables hold one symbol each (a DC difference of 0, and end-of-block), both
 * coded as the single bit `0`, so every 8×8 block is two zero bits: a flat grey picture any decoder shows.
 */
export function aJpegImage(options: { width?: number; height?: number; app1?: Buffer[]; declared?: { width: number; height: number } } = {}): Buffer {
  const width = options.width ?? 16;
  const height = options.height ?? 16;
  const declared = options.declared ?? { width, height };
  const frame = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(declared.height, 1);
  frame.writeUInt16BE(declared.width, 3);
  const oneSymbolTable = (tableClassAndId: number) => Buffer.from([tableClassAndId, 1, ...new Array<number>(15).fill(0), 0]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = 2 * blocks;
  const entropy = Buffer.alloc(Math.ceil(bits / 8));
  // Padding bits at the end of a scan are ones.
  if (bits % 8 !== 0) entropy[entropy.length - 1] = (1 << (8 - (bits % 8))) - 1;
  const comment = Buffer.from(randomBytes(8).toString('hex'));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    ...(options.app1 ?? []).map((data) => segment(0xe1, data)),
    segment(0xfe, comment),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(1)])),
    segment(0xc0, frame),
    segment(0xc4, Buffer.concat([oneSymbolTable(0x00), oneSymbolTable(0x10)])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    entropy,
    Buffer.from([0xff, 0xd9]),
  ]);
}

export interface GpsPosition {
  readonly latitude: readonly [number, number, number];
  readonly longitude: readonly [number, number, number];
}

/** Where the specimen photos were "taken": the Rijksmuseum, to the hundredth of a second of arc. */
export const RIJKSMUSEUM: GpsPosition = { latitude: [52, 21, 5994], longitude: [4, 53, 1062] };

/** The rational bytes a GPS coordinate is written as (degrees/1, minutes/1, hundredths of seconds/100), little-endian. */
export function gpsRationals(coordinate: readonly [number, number, number]): Buffer {
  const bytes = Buffer.alloc(24);
  [[coordinate[0], 1], [coordinate[1], 1], [coordinate[2], 100]].forEach(([value, divisor], index) => {
    bytes.writeUInt32LE(value, index * 8);
    bytes.writeUInt32LE(divisor, index * 8 + 4);
  });
  return bytes;
}

/**
 * An APP1 Exif block as phones write it: IFD0 with the orientation and a pointer to the GPS IFD, which holds
 * latitude and longitude (their rationals stored after the IFD, as they do not fit in an entry).
 */
export function exifWithGps(position: GpsPosition = RIJKSMUSEUM, orientation = 6): Buffer {
  const entry = (tag: number, type: number, count: number, value: Buffer) => {
    const bytes = Buffer.alloc(12);
    bytes.writeUInt16LE(tag, 0);
    bytes.writeUInt16LE(type, 2);
    bytes.writeUInt32LE(count, 4);
    value.copy(bytes, 8);
    return bytes;
  };
  const long = (value: number) => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(value);
    return bytes;
  };
  const short = (value: number) => Buffer.from([value & 0xff, value >> 8, 0, 0]);
  const ifd0At = 8;
  const ifd0Size = 2 + 2 * 12 + 4;
  const gpsAt = ifd0At + ifd0Size;
  const gpsSize = 2 + 4 * 12 + 4;
  const latitudeAt = gpsAt + gpsSize;
  const longitudeAt = latitudeAt + 24;
  const tiff = Buffer.concat([
    Buffer.from([0x49, 0x49, 0x2a, 0x00]),
    long(ifd0At),
    Buffer.from([2, 0]),
    entry(0x0112, 3, 1, short(orientation)),
    entry(0x8825, 4, 1, long(gpsAt)),
    long(0),
    Buffer.from([4, 0]),
    entry(0x0001, 2, 2, Buffer.from('N\0')),
    entry(0x0002, 5, 3, long(latitudeAt)),
    entry(0x0003, 2, 2, Buffer.from('E\0')),
    entry(0x0004, 5, 3, long(longitudeAt)),
    long(0),
    gpsRationals(position.latitude),
    gpsRationals(position.longitude),
  ]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/** XMP, which phones also write, with the same position in words. */
export const xmpWithGps = () =>
  Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,21.999N" exif:GPSLongitude="4,53.177E"/></rdf:RDF></x:xmpmeta>',
    'latin1',
  );

export interface TiffPage {
  readonly width?: number;
  readonly height?: number;
  /** Other dimensions to state in the IFD than the pixels it holds. */
  readonly declared?: { readonly width: number; readonly height: number };
  /** A GPS IFD for the page, written after its IFD, with its coordinates after that. */
  readonly gps?: GpsPosition;
}

/** A little-endian GPS IFD at offset `at` of a TIFF, followed by the rationals its entries point to. */
function tiffGpsIfd(at: number, position: GpsPosition): Buffer {
  const ifd = Buffer.alloc(2 + 4 * 12 + 4);
  ifd.writeUInt16LE(4, 0);
  const latitudeAt = at + ifd.length;
  const entries: [number, number, number, Buffer][] = [
    [1, 2, 2, Buffer.from('N\0\0\0')],
    [2, 5, 3, Buffer.alloc(4)],
    [3, 2, 2, Buffer.from('E\0\0\0')],
    [4, 5, 3, Buffer.alloc(4)],
  ];
  entries[1][3].writeUInt32LE(latitudeAt);
  entries[3][3].writeUInt32LE(latitudeAt + 24);
  entries.forEach(([tag, type, count, value], index) => {
    ifd.writeUInt16LE(tag, 2 + index * 12);
    ifd.writeUInt16LE(type, 4 + index * 12);
    ifd.writeUInt32LE(count, 6 + index * 12);
    value.copy(ifd, 10 + index * 12);
  });
  return Buffer.concat([ifd, gpsRationals(position.latitude), gpsRationals(position.longitude)]);
}

/** A little-endian greyscale TIFF of one strip per page, each page's pixels followed by its IFD. */
export function aTiffImage(...pages: TiffPage[]): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0]);
  const parts: Buffer[] = [header];
  let offset = 8;
  let previous: Buffer | null = null;
  for (const page of pages.length > 0 ? pages : [{}]) {
    const width = page.width ?? 16;
    const height = page.height ?? 16;
    const declared = page.declared ?? { width, height };
    const pixels = randomBytes(width * height);
    const entries: [number, number, number][] = [
      [256, 4, declared.width],
      [257, 4, declared.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, offset],
      [277, 3, 1],
      [278, 4, height],
      [279, 4, pixels.length],
    ];
    const ifdAt = offset + pixels.length;
    const ifdLength = 2 + (entries.length + (page.gps ? 1 : 0)) * 12 + 4;
    if (page.gps) entries.push([0x8825, 4, ifdAt + ifdLength]);
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, value], index) => {
      ifd.writeUInt16LE(tag, 2 + index * 12);
      ifd.writeUInt16LE(type, 4 + index * 12);
      ifd.writeUInt32LE(1, 6 + index * 12);
      if (type === 3) ifd.writeUInt16LE(value, 10 + index * 12);
      else ifd.writeUInt32LE(value, 10 + index * 12);
    });
    // The header points to the first IFD, each IFD to the next; the last one's pointer stays 0.
    if (previous) previous.writeUInt32LE(ifdAt, previous.length - 4);
    else header.writeUInt32LE(ifdAt, 4);
    previous = ifd;
    const gps = page.gps ? tiffGpsIfd(ifdAt + ifd.length, page.gps) : Buffer.alloc(0);
    parts.push(pixels, ifd, gps);
    offset = ifdAt + ifd.length + gps.length;
  }
  return Buffer.concat(parts);
}
