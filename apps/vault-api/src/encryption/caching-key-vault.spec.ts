import type { DataKey, KeyVault } from '@kluis/crypto';
import { inMemoryKeyVault } from '@kluis/crypto/testing';
import { CachingKeyVault } from './caching-key-vault';

/** Counts how often the key store is asked, and can hold one lookup back to race it against a destroy. */
function counting(inner: KeyVault) {
  const probe = { lookups: 0, hold: null as Promise<void> | null, inner };
  const vault: KeyVault = Object.assign(Object.create(inner) as KeyVault, {
    async existingDataKey(subject: string): Promise<DataKey | null> {
      probe.lookups += 1;
      const key = await inner.existingDataKey(subject);
      await probe.hold;
      return key;
    },
  });
  return { probe, vault };
}

describe('caching data keys', () => {
  let now = 0;
  const setup = () => {
    const { probe, vault } = counting(inMemoryKeyVault());
    return { counting: probe, cache: new CachingKeyVault(vault, 5_000, () => now) };
  };

  it('unwraps a key once for many reads, and again once the short lifetime has passed', async () => {
    const { counting, cache } = setup();
    const key = await cache.dataKeyFor('C-1001');
    for (let read = 0; read < 10; read += 1) expect((await cache.existingDataKey('C-1001'))?.keyId).toBe(key.keyId);
    expect(counting.lookups).toBe(0);
    now += 5_000;
    await cache.existingDataKey('C-1001');
    expect(counting.lookups).toBe(1);
  });

  it('forgets a key the moment it is destroyed here, and never takes it back', async () => {
    const { cache } = setup();
    await cache.dataKeyFor('C-1001');
    await cache.destroy('C-1001');
    expect(await cache.existingDataKey('C-1001')).toBeNull();
    expect(await cache.isDestroyed('C-1001')).toBe(true);
    await expect(cache.dataKeyFor('C-1001')).rejects.toMatchObject({ code: 'CRYPTO.SUBJECT_ERASED' });
  });

  it('does not let a lookup that started before a destroy put the key back afterwards', async () => {
    const { counting, cache } = setup();
    await counting.inner.dataKeyFor('C-1001');
    let release!: () => void;
    counting.hold = new Promise((resolve) => (release = resolve));
    const lookup = cache.existingDataKey('C-1001');
    await cache.destroy('C-1001');
    release();
    expect(await lookup).not.toBeNull();
    expect(await cache.existingDataKey('C-1001')).toBeNull();
  });
});
