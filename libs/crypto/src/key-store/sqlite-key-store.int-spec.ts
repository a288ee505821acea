import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubjectErasedError } from '../crypto.errors';
import { openFields, sealFields } from '../fields/sealed-fields';
import { openLocalKeyVault } from '../local/local-key-vault';
import { masterKeyRing } from '../master-key/master-key-ring';
import { aMasterKey, containsPlaintext } from '../testing';
import type { KeyStore } from './key-store.port';
import { openKeyStore } from './open-key-store';

describe('the SQLite key store on disk', () => {
  let dir: string;
  let file: string;
  const opened: KeyStore[] = [];
  const masterKeys = masterKeyRing(aMasterKey());

  const open = async (at = file): Promise<KeyStore> => {
    const store = await openKeyStore({ kind: 'sqlite', file: at });
    opened.push(store);
    return store;
  };
  const close = async (store: KeyStore): Promise<void> => {
    opened.splice(opened.indexOf(store), 1);
    await store.close();
  };
  const bytesOnDisk = async (): Promise<Buffer> =>
    Buffer.concat(await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name)))));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-keys-'));
    file = join(dir, 'keys.db');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('overwrites an erased wrapped key on disk instead of leaving it in free space', async () => {
    const store = await open();
    const vault = await openLocalKeyVault({ store, masterKeys });
    await vault.dataKeyFor('C-1001');
    await vault.dataKeyFor('C-1002');
    const [erased, kept] = await store.liveKeys({ limit: 2 });
    expect(containsPlaintext(await bytesOnDisk(), Buffer.from(erased.wrapped))).toBe(true);

    await vault.destroy('C-1001');

    expect(containsPlaintext(await bytesOnDisk(), Buffer.from(erased.wrapped))).toBe(false);
    expect(containsPlaintext(await bytesOnDisk(), Buffer.from(kept.wrapped))).toBe(true);
    await close(store);
    expect(containsPlaintext(await bytesOnDisk(), Buffer.from(erased.wrapped))).toBe(false);
  });

  it('lets a restore from an older copy bring no erased key back once the later tombstones are applied', async () => {
    const live = await open();
    const vault = await openLocalKeyVault({ store: live, masterKeys });
    const sealed = sealFields(await vault.dataKeyFor('C-1001'), 'C-1001', { holderName: 'Maria de Vries' });
    await vault.dataKeyFor('C-1002');
    const backup = join(dir, 'backup.db');
    await close(live);
    await copyFile(file, backup);
    const again = await openLocalKeyVault({ store: await open(), masterKeys });
    await again.destroy('C-1001');
    const tombstones = [];
    for await (const tombstone of again.tombstones()) tombstones.push(tombstone);

    const restored = await openLocalKeyVault({ store: await open(backup), masterKeys });
    expect(openFields(await restored.dataKeyFor('C-1001'), 'C-1001', sealed)).toEqual({ holderName: 'Maria de Vries' });

    await expect(restored.applyTombstones(tombstones)).resolves.toBe(1);

    await expect(restored.existingDataKey('C-1001')).resolves.toBeNull();
    await expect(restored.dataKeyFor('C-1001')).rejects.toBeInstanceOf(SubjectErasedError);
    await expect(restored.existingDataKey('C-1002')).resolves.not.toBeNull();
  });

  it('opens a new file from two instances at once, and both serve the same keys', async () => {
    const [one, other] = await Promise.all([open(), open()]);
    const [first, second] = await Promise.all([
      openLocalKeyVault({ store: one, masterKeys }).then((vault) => vault.dataKeyFor('C-1001')),
      openLocalKeyVault({ store: other, masterKeys }).then((vault) => vault.dataKeyFor('C-1001')),
    ]);

    expect(first.keyId).toBe(second.keyId);
  });
});
