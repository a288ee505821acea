import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { aJpegImage, aPngImage, aTiffImage, exifWithGps, pngChunk } from '../../../../../test/support/images';
import { DEFAULT_MAX_IMAGE_PIXELS } from '../../config/upload-config';
import { checkImage, type ImageMediaType } from './upload-check-image';

/** Streams `file` through the check in chunks of `chunkSize` bytes and answers what came out. */
async function checked(mediaType: ImageMediaType, file: Buffer, options: { chunkSize?: number; maxPixels?: number } = {}): Promise<Buffer> {
  const size = options.chunkSize ?? 65_536;
  const chunks = Array.from({ length: Math.ceil(file.length / size) }, (_, index) => file.subarray(index * size, (index + 1) * size));
  const check = checkImage(mediaType, options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS);
  const [, out] = await Promise.all([pipeline(Readable.from(chunks), check), buffer(check)]);
  return out;
}

const damaged = { code: 'UPLOAD.IMAGE_DAMAGED', status: 422 };
const tooManyPixels = { code: 'UPLOAD.IMAGE_TOO_MANY_PIXELS', status: 422 };
const withIhdr = (mutate: (ihdr: Buffer) => void) => {
  const file = aPngImage();
  mutate(file.subarray(8, 33));
  return file;
};

describe('checking an uploaded image as it streams by', () => {
  describe.each([1, 7, 65_536])('in chunks of %d bytes', (chunkSize) => {
    it.each([
      ['a PNG', 'image/png', () => aPngImage({ width: 40, height: 30 })],
      ['a JPEG with Exif', 'image/jpeg', () => aJpegImage({ width: 24, height: 16, app1: [exifWithGps()] })],
      ['a TIFF', 'image/tiff', () => aTiffImage({ width: 20, height: 10 })],
    ] as const)('passes %s on unchanged', async (_case, mediaType, make) => {
      const file = make();
      expect((await checked(mediaType, file, { chunkSize })).equals(file)).toBe(true);
    });

    it('refuses a PNG cut off anywhere before its end', async () => {
      const file = aPngImage();
      for (const length of [8, 20, 33, 40, file.length - 12, file.length - 1]) {
        await expect(checked('image/png', file.subarray(0, length), { chunkSize })).rejects.toMatchObject(damaged);
      }
    });
  });

  it('refuses the 80-byte PNG that is a signature and a broken header', async () => {
    const file = Buffer.concat([aPngImage().subarray(0, 8), Buffer.from('IHDR'), Buffer.alloc(68, 0x41)]);
    expect(file).toHaveLength(80);
    await expect(checked('image/png', file)).rejects.toMatchObject(damaged);
  });

  it.each([
    ['a header whose CRC does not match', withIhdr((ihdr) => (ihdr[20] ^= 1))],
    ['an impossible bit depth', withIhdr((ihdr) => (ihdr[16] = 3))],
    ['no pixels', withIhdr((ihdr) => ihdr.writeUInt32BE(0, 8))],
    ['image data whose CRC does not match', (() => { const file = aPngImage(); file[file.length - 13] ^= 1; return file; })()],
    ['no image data', Buffer.concat([aPngImage().subarray(0, 33), pngChunk('IEND', Buffer.alloc(0))])],
    ['no header at all', Buffer.concat([aPngImage().subarray(0, 8), pngChunk('IEND', Buffer.alloc(0))])],
  ])('refuses a PNG with %s', async (_case, file) => await expect(checked('image/png', file)).rejects.toMatchObject(damaged));

  it('refuses a JPEG cut off before its end, in its tables, its frame header or its scan', async () => {
    const file = aJpegImage({ width: 64, height: 64 });
    const frame = file.indexOf(Buffer.from([0xff, 0xc0]));
    for (const length of [3, 30, frame + 5, file.length - 3, file.length - 1]) {
      await expect(checked('image/jpeg', file.subarray(0, length))).rejects.toMatchObject(damaged);
    }
  });

  it('refuses a JPEG without a frame header', async () => {
    const file = aJpegImage();
    const frame = file.indexOf(Buffer.from([0xff, 0xc0]));
    const withoutFrame = Buffer.concat([file.subarray(0, frame), file.subarray(frame + 2 + file.readUInt16BE(frame + 2))]);
    await expect(checked('image/jpeg', withoutFrame)).rejects.toMatchObject(damaged);
  });

  it('lets a JPEG carry bytes after its end, as phones append a second picture there', async () => {
    const file = Buffer.concat([aJpegImage(), aJpegImage()]);
    expect((await checked('image/jpeg', file)).equals(file)).toBe(true);
  });

  it('refuses a TIFF cut off in its pixels or its IFD', async () => {
    const file = aTiffImage({ width: 32, height: 32 });
    for (const length of [6, 100, file.length - 20]) await expect(checked('image/tiff', file.subarray(0, length))).rejects.toMatchObject(damaged);
  });

  it('passes a TIFF of several pages, and refuses one whose later page points back to an earlier one', async () => {
    const file = aTiffImage({ width: 8, height: 8 }, { width: 10, height: 4 }, { width: 6, height: 6 });
    expect((await checked('image/tiff', file, { chunkSize: 5 })).equals(file)).toBe(true);
    const looped = Buffer.from(file);
    looped.writeUInt32LE(8 + 64, looped.length - 4);
    await expect(checked('image/tiff', looped)).rejects.toMatchObject(damaged);
  });

  describe('a pixel flood', () => {
    it('is refused on any page of a TIFF, not only the first', async () => {
      const file = aTiffImage({ width: 8, height: 8 }, { width: 8, height: 8, declared: { width: 60_000, height: 60_000 } });
      await expect(checked('image/tiff', file)).rejects.toMatchObject(tooManyPixels);
    });

    it.each([
      ['PNG', 'image/png', aPngImage({ declared: { width: 50_000, height: 50_000 } })],
      ['JPEG', 'image/jpeg', aJpegImage({ declared: { width: 65_535, height: 65_535 } })],
      ['TIFF', 'image/tiff', aTiffImage({ declared: { width: 100_000, height: 1_001 } })],
    ] as const)('is refused for a %s declaring more than 100 megapixels', async (_case, mediaType, file) =>
      await expect(checked(mediaType, file)).rejects.toMatchObject(tooManyPixels));

    it('is refused as soon as the header has passed, before the rest of the file arrives', async () => {
      const header = aPngImage({ declared: { width: 20_000, height: 20_000 } }).subarray(0, 33);
      const check = checkImage('image/png', DEFAULT_MAX_IMAGE_PIXELS);
      const failed = new Promise((resolve) => check.on('error', resolve));
      check.write(header);
      await expect(failed).resolves.toMatchObject(tooManyPixels);
    });

    it('allows exactly the configured bound', async () => {
      const file = aPngImage({ width: 100, height: 100 });
      await expect(checked('image/png', file, { maxPixels: 10_000 })).resolves.toHaveLength(file.length);
      await expect(checked('image/png', file, { maxPixels: 9_999 })).rejects.toMatchObject(tooManyPixels);
    });
  });

  it('answers every mangled image with a pass or a 422, never anything else', async () => {
    const originals = [
      ['image/png', aPngImage({ width: 20, height: 10 })],
      ['image/jpeg', aJpegImage({ width: 24, height: 16, app1: [exifWithGps()] })],
      ['image/tiff', aTiffImage({ width: 12, height: 12 })],
    ] as const;
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    const outcomes = new Set<string>();
    for (let round = 0; round < 1_500; round += 1) {
      const [mediaType, original] = originals[round % originals.length];
      const file = Buffer.from(original.subarray(0, original.length - random(8) * random(2)));
      for (let flips = random(4); flips > 0; flips -= 1) file[8 + random(file.length - 8)] = random(256);
      const outcome = await checked(mediaType, file, { chunkSize: 1 + random(40) }).then(
        () => 'passed',
        (error: { code?: string }) => error.code ?? String(error),
      );
      outcomes.add(outcome);
    }
    expect(['UPLOAD.IMAGE_DAMAGED', 'UPLOAD.IMAGE_TOO_MANY_PIXELS', 'passed']).toEqual(expect.arrayContaining([...outcomes]));
    expect(outcomes).toContain('passed');
    expect(outcomes).toContain('UPLOAD.IMAGE_DAMAGED');
  });
});
