import { read, type Rewrite, RewriteFailed } from './stream-rewriter';

const GPS_IFD_POINTER = 0x8825;
/** XMP and IPTC, which can hold the same position in words. */
const LOCATION_TEXT = new Set([700, 33723]);
/** Bytes per value of each TIFF field type (TIFF 6.0, section 2). */
const TYPE_SIZES: readonly number[] = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
/** Metadata is kilobytes; blanking more would mean allocating what an attacker chose. */
const MAX_BLANK_BYTES = 1024 * 1024;
/** Real IFDs hold dozens of entries; bounds on what is held keep a hostile file from costing quadratic time. */
const MAX_ENTRIES = 1000;
const MAX_PENDING = 4096;

/**
 * A TIFF without where it was taken, rewritten in file order: every page's IFD is read as it passes, its XMP and
 * IPTC values and the GPS IFD it points to are blanked to zeros where they come later in the file (an emptied GPS
 * IFD stays a valid one), and all offsets keep their meaning. What lies before the point where it is found out
 * about has already been sent, so then the stream fails rather than pass a position on.
 */
export function* tiffWithoutLocation(): Rewrite {
  const header = yield* read(8);
  yield { kind: 'emit', data: header };
  const littleEndian = header[0] === 0x49;
  const u16 = (bytes: Buffer, at: number) => (littleEndian ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (bytes: Buffer, at: number) => (littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  let position = 8;
  const pages = new Set<number>();
  const gpsIfds = new Set<number>();
  const blanks = new Map<number, number>();
  const ahead = (offset: number) => {
    if (offset < position) throw new RewriteFailed('TIFF metadata before the IFD that points to it');
    return offset;
  };
  pages.add(ahead(u32(header, 4)));

  for (;;) {
    if (pages.size + gpsIfds.size + blanks.size > MAX_PENDING) throw new RewriteFailed('more TIFF metadata than any real file has');
    const next = Math.min(...pages, ...gpsIfds, ...blanks.keys());
    if (!Number.isFinite(next)) {
      yield { kind: 'rest' };
      return;
    }
    if (next < position) throw new RewriteFailed('TIFF structures that overlap');
    yield { kind: 'copy', bytes: next - position };
    position = next;
    const blank = blanks.get(next);
    if (blank !== undefined) {
      blanks.delete(next);
      yield { kind: 'drop', bytes: blank };
      yield { kind: 'emit', data: Buffer.alloc(blank) };
      position += blank;
      continue;
    }
    const gps = gpsIfds.delete(next);
    pages.delete(next);
    const countField = yield* read(2);
    const count = u16(countField, 0);
    if (count > MAX_ENTRIES) throw new RewriteFailed('a TIFF IFD of more entries than any real one');
    const entries = yield* read(count * 12 + 4);
    position += 2 + entries.length;
    const valuesOf = (at: number) => ({ offset: u32(entries, at + 8), size: (TYPE_SIZES[u16(entries, at + 2)] ?? 1) * u32(entries, at + 4) });
    const blankLater = (offset: number, size: number) => {
      if (size > MAX_BLANK_BYTES) throw new RewriteFailed('TIFF metadata too large to blank');
      blanks.set(ahead(offset), Math.max(size, blanks.get(offset) ?? 0));
    };
    for (let at = 0; at < count * 12; at += 12) {
      const tag = u16(entries, at);
      const { offset, size } = valuesOf(at);
      if (gps || LOCATION_TEXT.has(tag)) {
        if (size > 4) blankLater(offset, size);
        else entries.fill(0, at + 8, at + 12);
      } else if (tag === GPS_IFD_POINTER && offset !== 0) {
        gpsIfds.add(ahead(offset));
      }
    }
    if (gps) {
      // An emptied IFD: no entries, and no next IFD.
      yield { kind: 'emit', data: Buffer.alloc(2 + entries.length) };
      continue;
    }
    const nextPage = u32(entries, count * 12);
    if (nextPage !== 0) pages.add(ahead(nextPage));
    yield { kind: 'emit', data: Buffer.concat([countField, entries]) };
  }
}
