import { scratchDatabase, type ScratchDatabase } from '../../../../test/services/support/postgres-database';
import { SubjectErasedError } from '../crypto.errors';
import { type LocalKeyVault, openLocalKeyVault } from '../local/local-key-vault';
import { masterKeyRing } from '../master-key/master-key-ring';
import { aMasterKey, describeKeyStoreContract } from '../testing';
import type { KeyStore } from './key-store.port';
import { openKeyStore } from './open-key-store';

describeKeyStoreContract('PostgreSQL', async () => {
  const database = await scratchDatabase();
  return { open: () => openKeyStore({ kind: 'postgres', url: database.url }), remove: () => database.drop() };
});

describe('the PostgreSQL key store under concurrent instances', () => {
  let database: ScratchDatabase;
  let stores: KeyStore[];
  let vaults: LocalKeyVault[];
  const masterKeys = masterKeyRing(aMasterKey());

  beforeEach(async () => {
    database = await scratchDatabase();
    stores = await Promise.all([1, 2, 3].map(() => openKeyStore({ kind: 'postgres', url: database.url })));
    vaults = await Promise.all(stores.map((store) => openLocalKeyVault({ store, masterKeys })));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await database.drop();
  }, 60_000);

  it('gives every subject one key however many instances ask for it first at once', async () => {
    const subjects = Array.from({ length: 25 }, (_, i) => `C-${i}`);

    const keys = await Promise.all(subjects.flatMap((subject) => vaults.map((vault) => vault.dataKeyFor(subject))));

    for (const subject of subjects) {
      const ids = new Set(keys.filter((key) => key.subject === subject).map((key) => key.keyId));
      expect(ids.size).toBe(1);
      expect((await vaults[0].existingDataKey(subject))?.keyId).toBe([...ids][0]);
    }
  });

  it('leaves every subject erased when erasure races with first use, and hands out no key afterwards', async () => {
    const subjects = Array.from({ length: 25 }, (_, i) => `C-${i}`);

    const outcomes = await Promise.allSettled(
      subjects.flatMap((subject) => [vaults[0].dataKeyFor(subject), vaults[1].destroy(subject), vaults[2].dataKeyFor(subject)]),
    );

    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(SubjectErasedError);
    }
    for (const subject of subjects) {
      await expect(vaults[2].isDestroyed(subject)).resolves.toBe(true);
      await expect(vaults[1].existingDataKey(subject)).resolves.toBeNull();
      await expect(vaults[0].dataKeyFor(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    }
    await expect(stores[0].liveKeys({ limit: 100 })).resolves.toEqual([]);
  });
});
