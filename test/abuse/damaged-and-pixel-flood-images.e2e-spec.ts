import { aJpegImage, aPngImage, aTiffImage, exifWithGps } from '../support/images';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, upload } from '../support/vault-requests';

/**
 * Images were judged by their first bytes only: a PNG signature followed by anything was stored and sent to
 * reviewers. A broken or cut-off image, or one that declares gigapixels so that a viewer allocates gigabytes (a
 * pixel flood, or decompression bomb), must be refused while it streams in, and leave nothing behind.
 */
const NAMES = { 'image/png': 'scan.png', 'image/jpeg': 'scan.jpg', 'image/tiff': 'scan.tif' } as const;

describe('damaged, cut-off and pixel-flood images', () => {
  let vault: VaultUnderTest;
  let maria: { id: string; token: string };

  beforeAll(async () => {
    vault = await startVault();
    maria = await vault.customer();
  });

  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const send = (file: Buffer, mediaType: keyof typeof NAMES) => upload(vault, maria.token, maria.id, { file, type: 'id-card', filename: NAMES[mediaType] });

  async function expectRefused(file: Buffer, mediaType: keyof typeof NAMES, code: string) {
    const before = await vault.storedBlobs();
    const response = await send(file, mediaType);
    expectProblem(response, 422, vault);
    expect(response.body).toMatchObject({ code, errors: [{ field: 'file' }] });
    expect(await vault.storedBlobs()).toEqual(before);
  }

  it.each([
    ['a PNG', 'image/png', () => aPngImage({ width: 600, height: 400 })],
    ['a phone photo (JPEG with Exif)', 'image/jpeg', () => aJpegImage({ width: 640, height: 480, app1: [exifWithGps()] })],
    ['a TIFF scan', 'image/tiff', () => aTiffImage({ width: 300, height: 200 })],
  ] as const)('still accepts %s', async (_case, mediaType, make) => {
    const response = await send(make(), mediaType).expect(201);
    expect(response.body.file.mediaType).toBe(mediaType);
  });

  it('refuses the 80-byte PNG that is a signature and a broken header', async () => {
    const file = Buffer.concat([aPngImage().subarray(0, 12), Buffer.from('IHDR'), Buffer.alloc(64, 0x41)]);
    expect(file).toHaveLength(80);
    await expectRefused(file, 'image/png', 'UPLOAD.IMAGE_DAMAGED');
  });

  it.each([
    ['PNG', 'image/png', aPngImage({ width: 300, height: 300 })],
    ['JPEG', 'image/jpeg', aJpegImage({ width: 640, height: 480 })],
    ['TIFF', 'image/tiff', aTiffImage({ width: 300, height: 300 })],
  ] as const)('refuses a %s cut off half-way', async (_case, mediaType, file) => {
    await expectRefused(file.subarray(0, Math.floor(file.length / 2)), mediaType, 'UPLOAD.IMAGE_DAMAGED');
  });

  it.each([
    ['PNG of 50,000 × 50,000 pixels', 'image/png', aPngImage({ declared: { width: 50_000, height: 50_000 } })],
    ['JPEG of 65,535 × 65,535 pixels', 'image/jpeg', aJpegImage({ declared: { width: 65_535, height: 65_535 } })],
    ['TIFF of 30,000 × 30,000 pixels', 'image/tiff', aTiffImage({ declared: { width: 30_000, height: 30_000 } })],
  ] as const)('refuses a pixel flood: a %s in a few hundred bytes', async (_case, mediaType, file) => {
    expect(file.length).toBeLessThan(2_000);
    await expectRefused(file, mediaType, 'UPLOAD.IMAGE_TOO_MANY_PIXELS');
  });

  it('says how many pixels are allowed', async () => {
    const response = await send(aPngImage({ declared: { width: 20_000, height: 20_000 } }), 'image/png');
    expect(response.body.detail).toContain('100 megapixels');
  });

  it('holds to the bound VAULT_IMAGE_MAX_PIXELS sets', async () => {
    const strict = await startVault({ VAULT_IMAGE_MAX_PIXELS: '10000' });
    try {
      const customer = await strict.customer();
      const sendTo = (width: number) => upload(strict, customer.token, customer.id, { file: aPngImage({ width, height: 100 }), type: 'id-card' });
      await sendTo(100).expect(201);
      const refused = await sendTo(101);
      expectProblem(refused, 422, strict);
      expect(refused.body).toMatchObject({ code: 'UPLOAD.IMAGE_TOO_MANY_PIXELS', errors: [{ field: 'file', message: 'at most 10000 pixels (width × height)' }] });
    } finally {
      await strict.stop();
      await removeDataDir(strict);
    }
  });
});
