const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const GPS_IFD_POINTER = 0x8825;
/** Bytes per value of each TIFF field type (TIFF 6.0, section 2). */
const TYPE_SIZES: readonly number[] = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];

export const isExif = (app1: Buffer) => app1.subarray(0, EXIF_HEADER.length).equals(EXIF_HEADER);

/**
 * An APP1 Exif block with its GPS IFD emptied: the IFD's entries and every value they point to are zeroed and its
 * count set to 0, so the position is gone while the orientation, the camera and the rest stay, and every offset in
 * the block still holds. Answers null when the block cannot be walked safely: then all of it must go.
 */
export function exifWithoutGps(app1: Buffer): Buffer | null {
  const tiff = Buffer.from(app1.subarray(EXIF_HEADER.length));
  if (tiff.length < 8) return null;
  const littleEndian = tiff.toString('latin1', 0, 2) === 'II';
  if (!littleEndian && tiff.toString('latin1', 0, 2) !== 'MM') return null;
  const u16 = (at: number) => (littleEndian ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const within = (at: number, bytes: number) => at >= 8 && at + bytes <= tiff.length;

  const entriesOf = (ifdAt: number): number[] | null => {
    if (!within(ifdAt, 2) || !within(ifdAt + 2, u16(ifdAt) * 12 + 4)) return null;
    return Array.from({ length: u16(ifdAt) }, (_, index) => ifdAt + 2 + index * 12);
  };

  const seen = new Set<number>();
  for (let ifdAt = u32(4); ifdAt !== 0; ) {
    // A chain that loops back is malformed; so is one that runs out of the block.
    if (seen.has(ifdAt)) return null;
    seen.add(ifdAt);
    const entries = entriesOf(ifdAt);
    if (!entries) return null;
    for (const entry of entries) {
      if (u16(entry) === GPS_IFD_POINTER && !emptied(u32(entry + 8))) return null;
    }
    ifdAt = u32(ifdAt + 2 + entries.length * 12);
  }
  return Buffer.concat([EXIF_HEADER, tiff]);

  function emptied(gpsAt: number): boolean {
    const entries = entriesOf(gpsAt);
    if (!entries) return false;
    for (const entry of entries) {
      const size = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4);
      if (size > 4) {
        const valueAt = u32(entry + 8);
        if (!within(valueAt, size)) return false;
        tiff.fill(0, valueAt, valueAt + size);
      }
    }
    tiff.fill(0, gpsAt, gpsAt + 2 + entries.length * 12 + 4);
    return true;
  }
}
