import { DataKeyUnwrapError, UnknownMasterKeyError } from '../crypto.errors';
import { masterKeyRing } from '../master-key/master-key-ring';
import { aDataKey, aMasterKey } from '../testing';
import { unwrapDataKey, wrapDataKey } from './wrap-data-key';

const CREATED_AT = '2030-01-01T00:00:00.000Z';

describe('wrapping data keys under the master key', () => {
  const masterKey = aMasterKey();
  const dataKey = aDataKey('C-1001');

  it('unwraps to the same key material, and stores none of it in the clear', () => {
    const wrapped = wrapDataKey(dataKey, masterKey, CREATED_AT);

    const unwrapped = unwrapDataKey(wrapped, masterKeyRing(masterKey));

    expect(unwrapped.key.equals(dataKey.key)).toBe(true);
    expect(unwrapped).toMatchObject({ subject: 'C-1001', keyId: dataKey.keyId });
    expect(wrapped).toMatchObject({ subject: 'C-1001', keyId: dataKey.keyId, masterKeyId: masterKey.id, createdAt: CREATED_AT });
    const material = dataKey.key.export();
    expect(Buffer.from(wrapped.wrapped, 'base64url').includes(material)).toBe(false);
    expect(wrapped.wrapped).not.toContain(material.toString('base64url'));
  });

  it('wraps the same key differently every time', () => {
    expect(wrapDataKey(dataKey, masterKey, CREATED_AT).wrapped).not.toBe(wrapDataKey(dataKey, masterKey, CREATED_AT).wrapped);
  });

  it('does not unwrap for another subject or under another key id', () => {
    const wrapped = wrapDataKey(dataKey, masterKey, CREATED_AT);

    expect(() => unwrapDataKey({ ...wrapped, subject: 'C-1002' }, masterKeyRing(masterKey))).toThrow(DataKeyUnwrapError);
    expect(() => unwrapDataKey({ ...wrapped, keyId: aDataKey().keyId }, masterKeyRing(masterKey))).toThrow(DataKeyUnwrapError);
  });

  it('does not unwrap a wrapped key with any byte altered or cut short', () => {
    const wrapped = wrapDataKey(dataKey, masterKey, CREATED_AT);
    const bytes = Buffer.from(wrapped.wrapped, 'base64url');
    for (let offset = 0; offset < bytes.length; offset += 1) {
      const altered = Buffer.from(bytes);
      altered[offset] ^= 0x40;

      expect(() => unwrapDataKey({ ...wrapped, wrapped: altered.toString('base64url') }, masterKeyRing(masterKey))).toThrow(DataKeyUnwrapError);
    }
    const cut = { ...wrapped, wrapped: bytes.subarray(1).toString('base64url') };
    expect(() => unwrapDataKey(cut, masterKeyRing(masterKey))).toThrow(DataKeyUnwrapError);
  });

  it('fails clearly under the wrong master key: unknown by id, or known by id yet not the key', () => {
    const wrapped = wrapDataKey(dataKey, masterKey, CREATED_AT);
    const wrong = aMasterKey();

    expect(() => unwrapDataKey(wrapped, masterKeyRing(wrong))).toThrow(UnknownMasterKeyError);
    expect(() => unwrapDataKey(wrapped, masterKeyRing({ ...wrong, id: masterKey.id }))).toThrow(DataKeyUnwrapError);
  });
});
