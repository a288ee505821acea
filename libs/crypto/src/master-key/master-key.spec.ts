import { randomBytes } from 'node:crypto';
import { InvalidMasterKeyError, UnknownMasterKeyError } from '../crypto.errors';
import { aMasterKey } from '../testing';
import { masterKeyFromBytes, parseMasterKey } from './master-key';
import { masterKeyById, masterKeyRing, rotatedTo } from './master-key-ring';

describe('master keys', () => {
  it('reads 32 random bytes written as base64, and names the key by a stable id', () => {
    const base64 = randomBytes(32).toString('base64');

    const [first, again] = [parseMasterKey(base64, 'VAULT_MASTER_KEY'), parseMasterKey(`${base64}\n`, 'elsewhere')];

    expect(first.id).toMatch(/^[0-9a-f]{16}$/);
    expect(again.id).toBe(first.id);
    expect(parseMasterKey(randomBytes(32).toString('base64'), 'VAULT_MASTER_KEY').id).not.toBe(first.id);
  });

  it('never shows the key material when printed', () => {
    const base64 = randomBytes(32).toString('base64');

    const printed = JSON.stringify(parseMasterKey(base64, 'VAULT_MASTER_KEY'));

    expect(printed).not.toContain(base64);
    expect(printed).not.toContain(Buffer.from(base64, 'base64').toString('hex'));
  });

  it.each([
    ['not base64', 'this is my master key!'],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(64).toString('base64')],
    ['all zeroes', Buffer.alloc(32).toString('base64')],
    ['a passphrase', Buffer.from('correct horse battery staple 123').toString('base64')],
    ['a repeated pattern', Buffer.from(Array.from({ length: 32 }, (_, i) => [0xde, 0xad, 0xbe, 0xef][i % 4])).toString('base64')],
  ])('refuses a key that is %s, naming where it came from', (_name, value) => {
    expect(() => parseMasterKey(value, 'VAULT_MASTER_KEY')).toThrow(InvalidMasterKeyError);
    expect(() => parseMasterKey(value, 'VAULT_MASTER_KEY')).toThrow(/^VAULT_MASTER_KEY: .*openssl rand -base64 32/);
  });

  it('refuses raw bytes of the wrong length', () => {
    expect(() => masterKeyFromBytes(randomBytes(31), 'test')).toThrow(InvalidMasterKeyError);
  });

  describe('the ring', () => {
    it('finds the current and the previous keys by id, and names the configured ones when one is missing', () => {
      const [old, current, stranger] = [aMasterKey(), aMasterKey(), aMasterKey()];
      const ring = masterKeyRing(current, [old, current]);

      expect(ring.previous).toEqual([old]);
      expect(masterKeyById(ring, old.id)).toBe(old);
      expect(masterKeyById(ring, current.id)).toBe(current);
      expect(() => masterKeyById(ring, stranger.id)).toThrow(UnknownMasterKeyError);
      expect(() => masterKeyById(ring, stranger.id)).toThrow(new RegExp(`${stranger.id}.*configured: ${current.id}, ${old.id}`));
    });

    it('keeps the replaced key readable after a rotation', () => {
      const [old, next] = [aMasterKey(), aMasterKey()];

      const ring = rotatedTo(masterKeyRing(old), next);

      expect(ring.current).toBe(next);
      expect(masterKeyById(ring, old.id)).toBe(old);
    });
  });
});
