import { DecryptionError, SubjectMismatchError } from '../crypto.errors';
import { aDataKey, containsPlaintext } from '../testing';
import { isSealedFields, openFields, sealFields } from './sealed-fields';

const facts = { documentNumber: 'NXC4K8R71', holderName: 'Maria de Vries', dateOfBirth: '1974-08-12', issuingCountry: 'NLD' };

describe('sealing personal fields', () => {
  const key = aDataKey('C-1001');

  it('opens what it sealed, after a trip through JSON as an event would take', () => {
    const sealed = sealFields(key, 'C-1001', facts);

    const stored = JSON.parse(JSON.stringify({ facts: sealed })) as { facts: typeof sealed };

    expect(isSealedFields(stored.facts)).toBe(true);
    expect(openFields(key, 'C-1001', stored.facts)).toEqual(facts);
  });

  it('keeps every value out of the envelope, and seals the same fields differently every time', () => {
    const [first, second] = [sealFields(key, 'C-1001', facts), sealFields(key, 'C-1001', facts)];

    const text = Buffer.from(JSON.stringify(first));
    for (const value of Object.values(facts)) expect(containsPlaintext(text, Buffer.from(value))).toBe(false);
    expect(first).toEqual({ $sealed: 'v1', kid: key.keyId, iv: expect.any(String), ct: expect.any(String) });
    expect(first.ct).not.toBe(second.ct);
    expect(first.iv).not.toBe(second.iv);
  });

  it('refuses an envelope with any character of its ciphertext or IV changed', () => {
    const sealed = sealFields(key, 'C-1001', facts);
    const change = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

    for (let at = 0; at < sealed.ct.length - 1; at += 5) {
      expect(() => openFields(key, 'C-1001', { ...sealed, ct: change(sealed.ct, at) })).toThrow(DecryptionError);
    }
    for (let at = 0; at < sealed.iv.length - 1; at += 1) {
      expect(() => openFields(key, 'C-1001', { ...sealed, iv: change(sealed.iv, at) })).toThrow(DecryptionError);
    }
  });

  it('does not open under another data key, even one claiming the same id', () => {
    const sealed = sealFields(key, 'C-1001', facts);
    const other = aDataKey('C-1001');

    expect(() => openFields(other, 'C-1001', sealed)).toThrow(expect.objectContaining({ reason: 'wrong-key' }));
    expect(() => openFields({ ...other, keyId: key.keyId }, 'C-1001', sealed)).toThrow(expect.objectContaining({ reason: 'authentication-failed' }));
  });

  it('does not open for another subject, even with the same key material', () => {
    const sealed = sealFields(key, 'C-1001', facts);

    expect(() => openFields({ ...key, subject: 'C-1002' }, 'C-1002', sealed)).toThrow(DecryptionError);
  });

  it('refuses a data key of another subject than the one named', () => {
    expect(() => sealFields(key, 'C-1002', facts)).toThrow(SubjectMismatchError);
    expect(() => openFields(key, 'C-1002', sealFields(key, 'C-1001', facts))).toThrow(SubjectMismatchError);
  });

  it('recognises only well-formed envelopes', () => {
    const sealed = sealFields(key, 'C-1001', facts);

    expect(isSealedFields(facts)).toBe(false);
    expect(isSealedFields(null)).toBe(false);
    expect(isSealedFields({ ...sealed, $sealed: 'v2' })).toBe(false);
    expect(isSealedFields({ ...sealed, kid: 'not-a-key-id' })).toBe(false);
    expect(isSealedFields({ ...sealed, iv: 'short' })).toBe(false);
    expect(() => openFields(key, 'C-1001', { ...sealed, ct: 'short' })).toThrow(expect.objectContaining({ reason: 'not-encrypted' }));
  });
});
