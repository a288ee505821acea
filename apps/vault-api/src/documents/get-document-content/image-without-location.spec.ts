import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { aJpegImage, aPngImage, aTiffImage, exifWithGps, gpsRationals, pngChunk, RIJKSMUSEUM, xmpWithGps } from '../../../../../test/support/images';
import { DEFAULT_MAX_IMAGE_PIXELS } from '../../config/upload-config';
import { checkImage } from '../submit-document/upload-check-image';
import { exifWithoutGps } from './exif-without-gps';
import { withoutLocation } from './image-without-location';

const served = (file: Buffer, mediaType: string, chunkSize = 65_536) =>
  buffer(withoutLocation(Readable.from(Array.from({ length: Math.ceil(file.length / chunkSize) }, (_, index) => file.subarray(index * chunkSize, (index + 1) * chunkSize))), mediaType));

/** The image check of uploads, as proof that what is served is still a whole, well-formed image. */
const wellFormed = async (file: Buffer, mediaType: 'image/jpeg' | 'image/png' | 'image/tiff') => (await buffer(Readable.from([file]).pipe(checkImage(mediaType, DEFAULT_MAX_IMAGE_PIXELS)))).length;

const latitude = gpsRationals(RIJKSMUSEUM.latitude);
const longitude = gpsRationals(RIJKSMUSEUM.longitude);

describe('serving an image without where it was taken', () => {
  describe.each([1, 5, 65_536])('a phone photo streamed in chunks of %d bytes', (chunkSize) => {
    it('loses its GPS position and XMP, and keeps its orientation and pixels', async () => {
      const photo = aJpegImage({ width: 32, height: 24, app1: [exifWithGps(RIJKSMUSEUM, 6), xmpWithGps()] });
      expect(photo.includes(latitude)).toBe(true);

      const result = await served(photo, 'image/jpeg', chunkSize);

      expect(result.includes(latitude)).toBe(false);
      expect(result.includes(longitude)).toBe(false);
      expect(result.includes(Buffer.from('GPSLatitude'))).toBe(false);
      expect(result.includes(Buffer.from('Exif\0\0'))).toBe(true);
      const scan = photo.subarray(photo.indexOf(Buffer.from([0xff, 0xda])));
      expect(result.subarray(result.length - scan.length).equals(scan)).toBe(true);
      await expect(wellFormed(result, 'image/jpeg')).resolves.toBe(result.length);
    });
  });

  it('keeps the Exif block the same length, with the orientation where it was', () => {
    const exif = exifWithGps(RIJKSMUSEUM, 6);
    const cleaned = exifWithoutGps(exif)!;
    expect(cleaned).toHaveLength(exif.length);
    // IFD0's first entry: tag 0x0112, type SHORT, one value: 6.
    expect(cleaned.readUInt16LE(6 + 8 + 2)).toBe(0x0112);
    expect(cleaned.readUInt16LE(6 + 8 + 2 + 8)).toBe(6);
    expect(cleaned.includes(latitude)).toBe(false);
  });

  it('drops an Exif block it cannot walk safely, rather than pass a position on', async () => {
    const broken = exifWithGps();
    broken.writeUInt32LE(60_000, 6 + 4);
    expect(exifWithoutGps(broken)).toBeNull();
    const result = await served(aJpegImage({ app1: [broken] }), 'image/jpeg');
    expect(result.includes(Buffer.from('Exif'))).toBe(false);
    expect(result.includes(latitude)).toBe(false);
  });

  it('serves a PNG without its eXIf and text chunks, every other chunk unchanged', async () => {
    const exifChunk = pngChunk('eXIf', exifWithGps().subarray(6));
    const xmpChunk = pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), xmpWithGps()]));
    const textChunk = pngChunk('tEXt', Buffer.from('Location\0Rijksmuseum'));
    const photo = aPngImage({ chunks: [exifChunk, xmpChunk, textChunk] });

    const result = await served(photo, 'image/png', 7);

    expect(result.equals(Buffer.concat([photo.subarray(0, 33), photo.subarray(33 + exifChunk.length + xmpChunk.length + textChunk.length)]))).toBe(true);
    expect(result.includes(Buffer.from('Rijksmuseum'))).toBe(false);
    await expect(wellFormed(result, 'image/png')).resolves.toBe(result.length);
  });

  it('fails the stream for a JPEG that ends inside its headers', async () => {
    const photo = aJpegImage({ app1: [exifWithGps()] });
    await expect(served(photo.subarray(0, 40), 'image/jpeg')).rejects.toThrow();
  });

  it('leaves out the pictures a phone appends after the end of the image, with their own Exif', async () => {
    const primary = aJpegImage({ width: 16, height: 16 });
    const result = await served(Buffer.concat([primary, aJpegImage({ app1: [exifWithGps()] })]), 'image/jpeg', 3);
    expect(result.equals(primary)).toBe(true);
  });

  it('blanks an Exif block that comes after the first scan, keeping its length', async () => {
    const photo = aJpegImage({ width: 16, height: 16 });
    const exif = exifWithGps();
    const late = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
    const file = Buffer.concat([photo.subarray(0, photo.length - 2), late, photo.subarray(photo.length - 2)]);

    const result = await served(file, 'image/jpeg', 4);

    expect(result).toHaveLength(file.length);
    expect(result.includes(latitude)).toBe(false);
    await expect(wellFormed(result, 'image/jpeg')).resolves.toBe(result.length);
  });

  it('leaves out whatever follows a PNG\'s end', async () => {
    const png = aPngImage();
    expect((await served(Buffer.concat([png, aJpegImage({ app1: [exifWithGps()] })]), 'image/png')).equals(png)).toBe(true);
  });

  describe('a TIFF', () => {
    it('is served with every page\'s GPS IFD emptied in place, everything else where it was', async () => {
      const scan = aTiffImage({ width: 8, height: 8, gps: RIJKSMUSEUM }, { width: 6, height: 4, gps: RIJKSMUSEUM });
      expect(scan.includes(latitude)).toBe(true);

      const result = await served(scan, 'image/tiff', 5);

      expect(result).toHaveLength(scan.length);
      expect(result.includes(latitude)).toBe(false);
      expect(result.includes(longitude)).toBe(false);
      expect(result.subarray(8, 8 + 64).equals(scan.subarray(8, 8 + 64))).toBe(true);
      await expect(wellFormed(result, 'image/tiff')).resolves.toBe(result.length);
    });

    it('fails the stream when a GPS value lies before the IFD that points to it, as it has been sent already', async () => {
      const scan = aTiffImage({ width: 8, height: 8, gps: RIJKSMUSEUM });
      const gpsAt = scan.indexOf(Buffer.from([4, 0, 1, 0, 2, 0]));
      scan.writeUInt32LE(8, gpsAt + 2 + 12 + 8);
      await expect(served(scan, 'image/tiff')).rejects.toThrow();
    });

    it('passes a TIFF without a position unchanged', async () => {
      const scan = aTiffImage({ width: 8, height: 8 }, { width: 4, height: 4 });
      expect((await served(scan, 'image/tiff', 3)).equals(scan)).toBe(true);
    });
  });
});
