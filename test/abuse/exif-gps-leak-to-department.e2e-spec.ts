import { aJpegImage, aPngImage, aTiffImage, exifWithGps, gpsRationals, pngChunk, RIJKSMUSEUM, xmpWithGps } from '../support/images';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { binary, getAs, upload } from '../support/vault-requests';

/**
 * A phone photo of a utility bill, taken at home, carries the customer's home in its Exif GPS block and again in
 * XMP. The vault keeps the photo as handed in, as evidence, but a department that downloads it must not learn where
 * it was taken.
 */
const latitude = gpsRationals(RIJKSMUSEUM.latitude);
const PURPOSE = '?purpose=Mortgage%20application%20M-2291';

describe('the GPS position in a photo, downloaded by a department', () => {
  let vault: VaultUnderTest;
  let maria: { id: string; token: string };
  let mortgages: { id: string; token: string };
  const photo = aJpegImage({ width: 64, height: 48, app1: [exifWithGps(RIJKSMUSEUM, 6), xmpWithGps()] });
  let photoId: string;

  beforeAll(async () => {
    vault = await startVault();
    maria = await vault.customer();
    mortgages = await vault.department('mortgages', ['evidence:read', 'content:read']);
    const uploaded = await upload(vault, maria.token, maria.id, { file: photo, type: 'proof-of-address', filename: 'energierekening.jpg' }).expect(201);
    photoId = uploaded.body.id;
  });

  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('is left out of the JPEG the department gets, which keeps its orientation and pixels', async () => {
    const served = await binary(getAs(vault, mortgages.token, `/v1/documents/${photoId}/content${PURPOSE}`)).expect(200);
    const bytes = served.body as Buffer;

    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(bytes.includes(latitude)).toBe(false);
    expect(bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(true);
    const scan = photo.subarray(photo.indexOf(Buffer.from([0xff, 0xda])));
    expect(bytes.subarray(bytes.length - scan.length).equals(scan)).toBe(true);
  });

  it('stays in the customer\'s own download and the reviewer\'s, which are the bytes as handed in', async () => {
    const anna = await vault.reviewer();
    const own = await binary(getAs(vault, maria.token, `/v1/documents/${photoId}/content`)).expect(200);
    const reviewed = await binary(getAs(vault, anna.token, `/v1/documents/${photoId}/content${PURPOSE}`)).expect(200);
    expect((own.body as Buffer).equals(photo)).toBe(true);
    expect((reviewed.body as Buffer).equals(photo)).toBe(true);
    expect(own.headers['content-length']).toBe(String(photo.length));
  });

  it('is left out of a PNG too, with its text chunks', async () => {
    const png = aPngImage({ chunks: [pngChunk('eXIf', exifWithGps().subarray(6)), pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), xmpWithGps()]))] });
    const uploaded = await upload(vault, maria.token, maria.id, { file: png, type: 'proof-of-address' }).expect(201);
    const served = await binary(getAs(vault, mortgages.token, `/v1/documents/${uploaded.body.id}/content${PURPOSE}`)).expect(200);
    const bytes = served.body as Buffer;
    expect(bytes.includes(latitude)).toBe(false);
    expect(bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(bytes.subarray(bytes.length - 12).equals(png.subarray(png.length - 12))).toBe(true);
  });

  it('is left out of the further pictures a phone appends after the end of the image', async () => {
    const primary = aJpegImage({ width: 32, height: 32 });
    const uploaded = await upload(vault, maria.token, maria.id, { file: Buffer.concat([primary, aJpegImage({ app1: [exifWithGps()] })]), type: 'proof-of-address' }).expect(201);
    const served = await binary(getAs(vault, mortgages.token, `/v1/documents/${uploaded.body.id}/content${PURPOSE}`)).expect(200);
    expect((served.body as Buffer).includes(latitude)).toBe(false);
    expect((served.body as Buffer).equals(primary)).toBe(true);
  });

  it('is left out of a TIFF, on every page', async () => {
    const scan = aTiffImage({ width: 40, height: 30, gps: RIJKSMUSEUM }, { width: 40, height: 30, gps: RIJKSMUSEUM });
    const uploaded = await upload(vault, maria.token, maria.id, { file: scan, type: 'proof-of-address', filename: 'scan.tif' }).expect(201);
    const served = await binary(getAs(vault, mortgages.token, `/v1/documents/${uploaded.body.id}/content${PURPOSE}`)).expect(200);
    expect((served.body as Buffer).includes(latitude)).toBe(false);
    expect(served.body).toHaveLength(scan.length);
    const own = await binary(getAs(vault, maria.token, `/v1/documents/${uploaded.body.id}/content`)).expect(200);
    expect((own.body as Buffer).equals(scan)).toBe(true);
  });
});
