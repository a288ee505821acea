import { InvalidSubjectError, SubjectErasedError } from '../crypto.errors';
import { masterKeyRing } from '../master-key/master-key-ring';
import { aMasterKey, InMemoryKeyStore } from '../testing';
import { LocalKeyVault } from './local-key-vault';

const fixedNow = () => new Date('2031-05-01T09:30:00.000Z');

describe('the local key vault', () => {
  const vaultOn = (store: InMemoryKeyStore) => new LocalKeyVault({ store, masterKeys: masterKeyRing(aMasterKey()), now: fixedNow });

  it('creates a key on first use only, and then always answers the same one', async () => {
    const store = new InMemoryKeyStore();
    const vault = vaultOn(store);

    await expect(vault.existingDataKey('C-1001')).resolves.toBeNull();
    await expect(store.find('C-1001')).resolves.toBeNull();
    const created = await vault.dataKeyFor('C-1001');

    expect(created.subject).toBe('C-1001');
    expect(created.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect((await vault.dataKeyFor('C-1001')).key.equals(created.key)).toBe(true);
    expect((await vault.existingDataKey('C-1001'))?.keyId).toBe(created.keyId);
    expect(await store.find('C-1001')).toMatchObject({ state: 'live', key: { createdAt: fixedNow().toISOString() } });
  });

  it('gives every subject a key of its own', async () => {
    const vault = vaultOn(new InMemoryKeyStore());

    const [one, other] = [await vault.dataKeyFor('C-1001'), await vault.dataKeyFor('C-1002')];

    expect(one.keyId).not.toBe(other.keyId);
    expect(one.key.equals(other.key)).toBe(false);
  });

  it('erases a subject who never had a key, so none can be made for them later', async () => {
    const vault = vaultOn(new InMemoryKeyStore());

    await vault.destroy('prospect-7');

    await expect(vault.isDestroyed('prospect-7')).resolves.toBe(true);
    await expect(vault.dataKeyFor('prospect-7')).rejects.toThrow(SubjectErasedError);
    await expect(vault.dataKeyFor('prospect-7')).rejects.toMatchObject({ code: 'CRYPTO.SUBJECT_ERASED', subject: 'prospect-7' });
  });

  it('lists tombstones with the date of the erasure', async () => {
    const vault = vaultOn(new InMemoryKeyStore());
    await vault.dataKeyFor('C-2');
    await vault.destroy('C-2');
    await vault.destroy('C-1');

    const tombstones = [];
    for await (const tombstone of vault.tombstones()) tombstones.push(tombstone);

    expect(tombstones).toEqual([
      { subject: 'C-1', erasedAt: fixedNow().toISOString() },
      { subject: 'C-2', erasedAt: fixedNow().toISOString() },
    ]);
  });

  it.each([
    ['empty', ''],
    ['too long', 'C'.repeat(201)],
    ['with a control character', 'C-1001\n'],
  ])('refuses a subject that is %s', async (_name, subject) => {
    const vault = vaultOn(new InMemoryKeyStore());

    await expect(vault.dataKeyFor(subject)).rejects.toBeInstanceOf(InvalidSubjectError);
    await expect(vault.destroy(subject)).rejects.toBeInstanceOf(InvalidSubjectError);
    await expect(vault.applyTombstones([{ subject, erasedAt: fixedNow().toISOString() }])).rejects.toBeInstanceOf(InvalidSubjectError);
  });

  it('wraps new keys with the new master key after a rotation', async () => {
    const store = new InMemoryKeyStore();
    const vault = vaultOn(store);
    const next = aMasterKey();

    await vault.rewrapAll(next);
    await vault.dataKeyFor('C-1001');

    expect(vault.masterKeys.current).toBe(next);
    await expect(vault.masterKeyUsage()).resolves.toEqual({ [next.id]: 1 });
  });
});
