import { DataKeyNotFoundError, DecryptionError } from '../crypto.errors';
import { InMemoryKeyStore, inMemoryKeyVault } from '../testing';
import { ERASED, isErasedValue, openOrErased } from './open-or-erased';
import { sealFields } from './sealed-fields';

describe('opening sealed fields of a subject who may have been erased', () => {
  const facts = { holderName: 'Maria de Vries', documentNumber: 'NXC4K8R71' };

  it('opens them while the key lives', async () => {
    const vault = inMemoryKeyVault();
    const sealed = sealFields(await vault.dataKeyFor('C-1001'), 'C-1001', facts);

    await expect(openOrErased(vault, 'C-1001', sealed)).resolves.toEqual(facts);
  });

  it('reads them as erased once the key is destroyed, for good', async () => {
    const vault = inMemoryKeyVault();
    const sealed = sealFields(await vault.dataKeyFor('C-1001'), 'C-1001', facts);

    await vault.destroy('C-1001');

    const opened = await openOrErased(vault, 'C-1001', sealed);
    expect(opened).toEqual({ erased: true });
    expect(isErasedValue(opened)).toBe(true);
    expect(isErasedValue(facts)).toBe(false);
    expect(JSON.stringify(ERASED)).toBe('{"erased":true}');
  });

  it('does not pass off a missing key as an erasure', async () => {
    const sealed = sealFields(await inMemoryKeyVault().dataKeyFor('C-1001'), 'C-1001', facts);

    await expect(openOrErased(inMemoryKeyVault(new InMemoryKeyStore()), 'C-1001', sealed)).rejects.toBeInstanceOf(DataKeyNotFoundError);
  });

  it('does not pass off an envelope sealed under another key as an erasure', async () => {
    const vault = inMemoryKeyVault();
    await vault.dataKeyFor('C-1001');
    const sealed = sealFields(await inMemoryKeyVault().dataKeyFor('C-1001'), 'C-1001', facts);

    await expect(openOrErased(vault, 'C-1001', sealed)).rejects.toBeInstanceOf(DecryptionError);
  });
});
