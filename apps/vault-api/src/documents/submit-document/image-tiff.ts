import { declare, ImageDamaged, type ImageParse, read, skip } from './image-parse';

/** Bytes per value of each TIFF field type (TIFF 6.0, section 2); other types are skipped by readers. */
const TYPE_SIZES: readonly number[] = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
/** Far more entries than any real IFD holds, and still only a few kilobytes to read. */
const MAX_ENTRIES = 1000;
const MAX_PAGES = 1000;
const IMAGE_WIDTH = 256;
const IMAGE_LENGTH = 257;
const OFFSETS = new Set([273, 324]);
const BYTE_COUNTS = new Set([279, 325]);

/**
 * A TIFF's header and every page's IFD: whole, with its width and length, and with strips or tiles. Everything an
 * IFD points to after itself (values too large for an entry, a single strip's data) must be in the file, so a file
 * cut short is refused. Pages must come in file order, as writers put them: a page before the one that points to
 * it could only be checked by holding the whole file, so it is refused rather than let through unjudged.
 */
export function* tiff(): ImageParse<void> {
  const header = yield* read(8);
  const littleEndian = header[0] === 0x49;
  const u16 = (bytes: Buffer, at: number) => (littleEndian ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (bytes: Buffer, at: number) => (littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  let position = 8;
  let needed = 8;
  let pages = 0;
  for (let ifdAt = u32(header, 4); ifdAt !== 0 || pages === 0; pages += 1) {
    if (ifdAt < position) throw new ImageDamaged('a TIFF IFD before the one that points to it');
    if (pages === MAX_PAGES) throw new ImageDamaged('a TIFF of more pages than any document has');
    yield* skip(ifdAt - position);
    const count = u16(yield* read(2), 0);
    if (count === 0 || count > MAX_ENTRIES) throw new ImageDamaged('a TIFF IFD with no or too many entries');
    const entries = yield* read(count * 12 + 4);
    position = ifdAt + 2 + entries.length;
    needed = Math.max(needed, position, yield* page(entries, count, u16, u32));
    ifdAt = u32(entries, count * 12);
  }
  if (needed > position) yield* skip(needed - position);
}

/** Judges one page's IFD and answers how long the file must be for everything the IFD points to. */
function* page(entries: Buffer, count: number, u16: (bytes: Buffer, at: number) => number, u32: (bytes: Buffer, at: number) => number): ImageParse<number> {
  let needed = 0;
  let width = 0;
  let height = 0;
  let offset: number | null = null;
  let byteCount: number | null = null;
  let hasData = false;
  for (let at = 0; at < count * 12; at += 12) {
    const tag = u16(entries, at);
    const type = u16(entries, at + 2);
    const values = u32(entries, at + 4);
    const size = (TYPE_SIZES[type] ?? 0) * values;
    const single = values === 1 && (type === 3 || type === 4) ? (type === 3 ? u16(entries, at + 8) : u32(entries, at + 8)) : null;
    if (size > 4) needed = Math.max(needed, u32(entries, at + 8) + size);
    if (tag === IMAGE_WIDTH || tag === IMAGE_LENGTH) {
      if (single === null) throw new ImageDamaged('a TIFF dimension that is not one number');
      if (tag === IMAGE_WIDTH) width = single;
      else height = single;
    }
    if (OFFSETS.has(tag)) {
      hasData = true;
      offset = single;
    }
    if (BYTE_COUNTS.has(tag)) byteCount = single;
  }
  if (!hasData) throw new ImageDamaged('a TIFF page without strips or tiles');
  yield* declare(width, height);
  return offset !== null && byteCount !== null ? Math.max(needed, offset + byteCount) : needed;
}
