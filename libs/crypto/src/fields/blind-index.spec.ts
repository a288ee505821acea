import { aDataKey } from '../testing';
import { blindIndex } from './blind-index';

describe('blind indexes', () => {
  const key = aDataKey('C-1001');
  const sha256 = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

  it('gives equal values under one key equal indexes, and never shows the value', () => {
    const index = blindIndex(key, sha256, 'sha256');

    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(key, sha256, 'sha256')).toBe(index);
    expect(blindIndex(key, Buffer.from(sha256), 'sha256')).toBe(index);
    expect(index).not.toContain(sha256.slice(0, 16));
  });

  it('tells different values, different fields and different subjects apart', () => {
    const index = blindIndex(key, 'NXC4K8R71', 'documentNumber');

    expect(blindIndex(key, 'NXC4K8R72', 'documentNumber')).not.toBe(index);
    expect(blindIndex(key, 'NXC4K8R71', 'registrationNumber')).not.toBe(index);
    expect(blindIndex(key, 'NXC4K8R7', '1documentNumber')).not.toBe(blindIndex(key, 'NXC4K8R71', 'documentNumber'));
    expect(blindIndex(aDataKey('C-1002'), 'NXC4K8R71', 'documentNumber')).not.toBe(index);
  });
});
