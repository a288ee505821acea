import { randomBytes } from 'node:crypto';
import { containsPlaintext } from './contains-plaintext';

describe('looking for plaintext at rest', () => {
  const needle = randomBytes(64 * 1024);

  it('finds any 16-byte window of the needle, wherever it sits', () => {
    for (const offset of [0, 1, 15, 4096, needle.length - 16]) {
      const haystack = Buffer.concat([randomBytes(1000), needle.subarray(offset, offset + 16), randomBytes(1000)]);

      expect(containsPlaintext(haystack, needle)).toBe(true);
    }
    expect(containsPlaintext(needle.subarray(100, 116), needle)).toBe(true);
  });

  it('finds nothing in unrelated bytes, nor in 15 bytes of the needle', () => {
    expect(containsPlaintext(randomBytes(1024 * 1024), needle)).toBe(false);
    expect(containsPlaintext(Buffer.concat([randomBytes(100), needle.subarray(500, 515), randomBytes(100)]), needle)).toBe(false);
  });

  it('looks for a needle shorter than the window whole, as in JSON text', () => {
    const json = Buffer.from(JSON.stringify({ facts: { documentNumber: 'NXC4K8R71' } }));

    expect(containsPlaintext(json, Buffer.from('NXC4K8R71'))).toBe(true);
    expect(containsPlaintext(json, Buffer.from('NXC4K8R72'))).toBe(false);
  });

  it('copes with a needle that repeats itself, such as a run of zeroes', () => {
    const repetitive = Buffer.concat([Buffer.alloc(200_000), randomBytes(100)]);

    expect(containsPlaintext(Buffer.concat([randomBytes(500), Buffer.alloc(16), randomBytes(500)]), repetitive)).toBe(true);
    expect(containsPlaintext(randomBytes(100_000).map((byte) => byte | 1), repetitive)).toBe(false);
  });

  it('refuses an empty needle', () => {
    expect(() => containsPlaintext(needle, Buffer.alloc(0))).toThrow(RangeError);
  });
});
