import { randomUUID } from 'node:crypto';
import { DataKeyUnwrapError, SubjectErasedError, UnknownMasterKeyError } from '../crypto.errors';
import { openFields, sealFields } from '../fields/sealed-fields';
import type { KeyStore, WrappedDataKey } from '../key-store/key-store.port';
import { type LocalKeyVault, openLocalKeyVault } from '../local/local-key-vault';
import { wrapDataKey } from '../local/wrap-data-key';
import type { MasterKey } from '../master-key/master-key';
import { type MasterKeyRing, masterKeyRing } from '../master-key/master-key-ring';
import { aDataKey, aMasterKey } from './keys';

/** One database (or map) that stores are opened on: stores opened on the same place share their entries. */
export interface KeyStorePlace {
  open(): Promise<KeyStore>;
  /** Called once every store opened on the place is closed. */
  remove(): Promise<void>;
}

const subject = (): string => `customer-${randomUUID()}`;
const at = (day: number): string => new Date(Date.UTC(2030, 0, day)).toISOString();
const wrappedFor = (forSubject: string, masterKey: MasterKey = aMasterKey()): WrappedDataKey =>
  wrapDataKey(aDataKey(forSubject), masterKey, at(1));

/**
 * The behaviour every `KeyStore` adapter promises, alone and under the local key vault. An adapter's
 * `*.contract-spec.ts` (or `*.services-spec.ts` for a real server) calls this with a factory for a fresh place.
 */
export function describeKeyStoreContract(name: string, makePlace: () => Promise<KeyStorePlace>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let place: KeyStorePlace | undefined;
    let opened: KeyStore[] = [];

    const open = async (): Promise<KeyStore> => {
      if (!place) throw new Error('the place under test was not created');
      const store = await place.open();
      opened.push(store);
      return store;
    };
    const close = async (store: KeyStore): Promise<void> => {
      opened = opened.filter((candidate) => candidate !== store);
      await store.close();
    };
    const vault = async (store: KeyStore, masterKeys: MasterKeyRing): Promise<LocalKeyVault> => openLocalKeyVault({ store, masterKeys });

    beforeEach(async () => {
      place = await makePlace();
    }, 60_000);

    afterEach(async () => {
      await Promise.all(opened.map((store) => store.close()));
      opened = [];
      await place?.remove();
      place = undefined;
    }, 60_000);

    describe('the store', () => {
      it('finds nothing for a subject it never saw', async () => {
        await expect((await open()).find(subject())).resolves.toBeNull();
      });

      it('stores a wrapped key and finds it again, every field intact', async () => {
        const store = await open();
        const key = wrappedFor(subject());

        await expect(store.insertIfAbsent(key)).resolves.toEqual({ state: 'live', key });
        await expect(store.find(key.subject)).resolves.toEqual({ state: 'live', key });
      });

      it('keeps the first key stored for a subject and answers it to a later insert', async () => {
        const store = await open();
        const first = wrappedFor(subject());
        await store.insertIfAbsent(first);

        await expect(store.insertIfAbsent(wrappedFor(first.subject))).resolves.toEqual({ state: 'live', key: first });
      });

      it('lets exactly one of many concurrent inserts from two stores land, and all of them see it', async () => {
        const [one, other] = [await open(), await open()];
        const forSubject = subject();
        const candidates = Array.from({ length: 8 }, () => wrappedFor(forSubject));

        const answers = await Promise.all(candidates.map((key, i) => (i % 2 === 0 ? one : other).insertIfAbsent(key)));

        const winners = new Set(answers.map((answer) => (answer.state === 'live' ? answer.key.wrapped : 'erased')));
        expect(winners.size).toBe(1);
        expect(candidates.map((key) => key.wrapped)).toContain([...winners][0]);
      });

      it('erases a live key: the wrapped key is gone and a tombstone remains', async () => {
        const store = await open();
        const key = wrappedFor(subject());
        await store.insertIfAbsent(key);

        await expect(store.erase(key.subject, at(2))).resolves.toBe(true);

        await expect(store.find(key.subject)).resolves.toEqual({ state: 'erased', tombstone: { subject: key.subject, erasedAt: at(2) } });
        expect(await store.liveKeys({ limit: 100 })).toEqual([]);
      });

      it('keeps the first erasure date and answers that no key was deleted the second time', async () => {
        const store = await open();
        const key = wrappedFor(subject());
        await store.insertIfAbsent(key);
        await store.erase(key.subject, at(2));

        await expect(store.erase(key.subject, at(3))).resolves.toBe(false);
        await expect(store.find(key.subject)).resolves.toEqual({ state: 'erased', tombstone: { subject: key.subject, erasedAt: at(2) } });
      });

      it('leaves a tombstone for a subject it never saw, which no later insert replaces', async () => {
        const store = await open();
        const forSubject = subject();

        await expect(store.erase(forSubject, at(2))).resolves.toBe(false);

        const erased = { state: 'erased', tombstone: { subject: forSubject, erasedAt: at(2) } };
        await expect(store.insertIfAbsent(wrappedFor(forSubject))).resolves.toEqual(erased);
        await expect(store.find(forSubject)).resolves.toEqual(erased);
      });

      it('rewraps a key only while it is still wrapped as expected', async () => {
        const store = await open();
        const key = wrappedFor(subject());
        await store.insertIfAbsent(key);
        const replacement = { ...key, masterKeyId: 'a-newer-master-key', wrapped: 'rewrapped' };

        await expect(store.rewrap({ ...key, wrapped: 'stale' }, replacement)).resolves.toBe(false);
        await expect(store.rewrap(key, replacement)).resolves.toBe(true);
        await expect(store.find(key.subject)).resolves.toEqual({ state: 'live', key: replacement });
        await expect(store.rewrap(key, { ...replacement, wrapped: 'again' })).resolves.toBe(false);
      });

      it('never rewraps an erased key back to life', async () => {
        const store = await open();
        const key = wrappedFor(subject());
        await store.insertIfAbsent(key);
        await store.erase(key.subject, at(2));

        await expect(store.rewrap(key, { ...key, wrapped: 'rewrapped' })).resolves.toBe(false);
        expect((await store.find(key.subject))?.state).toBe('erased');
      });

      it('pages live keys and tombstones in subject order', async () => {
        const store = await open();
        const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((letter) => `customer-${letter}`);
        for (const each of [c, a, d, b]) await store.insertIfAbsent(wrappedFor(each));
        await store.erase(b, at(2));
        await store.erase(d, at(3));

        const firstPage = await store.liveKeys({ limit: 1 });
        expect(firstPage.map((key) => key.subject)).toEqual([a]);
        expect((await store.liveKeys({ after: a, limit: 10 })).map((key) => key.subject)).toEqual([c]);
        expect(await store.tombstones({ limit: 10 })).toEqual([
          { subject: b, erasedAt: at(2) },
          { subject: d, erasedAt: at(3) },
        ]);
        expect(await store.tombstones({ after: b, limit: 10 })).toEqual([{ subject: d, erasedAt: at(3) }]);
      });

      it('counts the live keys each master key wraps', async () => {
        const store = await open();
        const [one, other] = [aMasterKey(), aMasterKey()];
        await store.insertIfAbsent(wrappedFor(subject(), one));
        await store.insertIfAbsent(wrappedFor(subject(), one));
        const erased = wrappedFor(subject(), one);
        await store.insertIfAbsent(erased);
        await store.erase(erased.subject, at(2));
        await store.insertIfAbsent(wrappedFor(subject(), other));

        await expect(store.countByMasterKey()).resolves.toEqual({ [one.id]: 2, [other.id]: 1 });
      });

      it('answers a ping', async () => {
        await expect((await open()).ping()).resolves.toBeUndefined();
      });
    });

    describe('under the local key vault', () => {
      it('gives concurrent first uses from two instances one and the same key', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const [one, other] = [await vault(await open(), masterKeys), await vault(await open(), masterKeys)];

        for (let round = 0; round < 5; round += 1) {
          const forSubject = subject();
          const keys = await Promise.all([one.dataKeyFor(forSubject), other.dataKeyFor(forSubject), one.dataKeyFor(forSubject)]);

          expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
          const sealed = sealFields(keys[0], forSubject, { holderName: 'Maria de Vries' });
          expect(openFields(keys[1], forSubject, sealed)).toEqual({ holderName: 'Maria de Vries' });
          expect((await other.existingDataKey(forSubject))?.keyId).toBe(keys[0].keyId);
        }
      });

      it('still opens what it sealed after the store is closed and opened again', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const forSubject = subject();
        const store = await open();
        const sealed = sealFields(await (await vault(store, masterKeys)).dataKeyFor(forSubject), forSubject, { documentNumber: 'NXC4K8R71' });
        await close(store);

        const reopened = await vault(await open(), masterKeys);

        expect(openFields(await reopened.dataKeyFor(forSubject), forSubject, sealed)).toEqual({ documentNumber: 'NXC4K8R71' });
      });

      it('keeps a destroyed key destroyed after the store is closed and opened again, and never makes a new one', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const [erased, kept] = [subject(), subject()];
        const store = await open();
        const first = await vault(store, masterKeys);
        await first.dataKeyFor(erased);
        await first.dataKeyFor(kept);
        await first.destroy(erased);
        await close(store);

        const reopened = await vault(await open(), masterKeys);

        await expect(reopened.existingDataKey(erased)).resolves.toBeNull();
        await expect(reopened.isDestroyed(erased)).resolves.toBe(true);
        await expect(reopened.dataKeyFor(erased)).rejects.toBeInstanceOf(SubjectErasedError);
        await expect(reopened.isDestroyed(kept)).resolves.toBe(false);
        const tombstones = [];
        for await (const tombstone of reopened.tombstones()) tombstones.push(tombstone.subject);
        expect(tombstones).toEqual([erased]);
      });

      it('refuses a key for a subject destroyed by another instance', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const [one, other] = [await vault(await open(), masterKeys), await vault(await open(), masterKeys)];
        const forSubject = subject();
        await one.dataKeyFor(forSubject);

        await other.destroy(forSubject);

        await expect(one.dataKeyFor(forSubject)).rejects.toBeInstanceOf(SubjectErasedError);
      });

      it('shreds again the keys a restore brought back, from the tombstones kept outside it', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const restored = await vault(await open(), masterKeys);
        const [erasedAfterBackup, kept] = [subject(), subject()];
        await restored.dataKeyFor(erasedAfterBackup);
        await restored.dataKeyFor(kept);
        const keptLater = [{ subject: erasedAfterBackup, erasedAt: at(9) }, { subject: subject(), erasedAt: at(8) }];

        await expect(restored.applyTombstones(keptLater)).resolves.toBe(1);

        await expect(restored.existingDataKey(erasedAfterBackup)).resolves.toBeNull();
        await expect(restored.dataKeyFor(erasedAfterBackup)).rejects.toBeInstanceOf(SubjectErasedError);
        await expect(restored.existingDataKey(kept)).resolves.not.toBeNull();
        await expect(restored.applyTombstones(keptLater)).resolves.toBe(0);
      });

      it('keeps data readable through a master key rotation, and the old master key can then be retired', async () => {
        const [old, next] = [aMasterKey(), aMasterKey()];
        const subjects = Array.from({ length: 3 }, subject);
        const store = await open();
        const before = await vault(store, masterKeyRing(old));
        const sealed = await Promise.all(subjects.map(async (each) => sealFields(await before.dataKeyFor(each), each, { holderName: each })));
        await before.destroy(subjects[2]);

        await expect(before.rewrapAll(next)).resolves.toEqual({ rewrapped: 2, alreadyCurrent: 0 });
        await expect(before.rewrapAll(next)).resolves.toEqual({ rewrapped: 0, alreadyCurrent: 2 });
        await expect(before.masterKeyUsage()).resolves.toEqual({ [next.id]: 2 });
        await close(store);

        const after = await vault(await open(), masterKeyRing(next));
        for (const i of [0, 1]) expect(openFields(await after.dataKeyFor(subjects[i]), subjects[i], sealed[i])).toEqual({ holderName: subjects[i] });
        await expect(after.dataKeyFor(subjects[2])).rejects.toBeInstanceOf(SubjectErasedError);
        await expect(vault(await open(), masterKeyRing(old))).rejects.toBeInstanceOf(UnknownMasterKeyError);
      });

      it('refuses to open with the wrong master key, saying which key the store needs', async () => {
        const [right, wrong] = [aMasterKey(), aMasterKey()];
        await (await vault(await open(), masterKeyRing(right))).dataKeyFor(subject());

        const opening = vault(await open(), masterKeyRing(wrong));

        await expect(opening).rejects.toBeInstanceOf(UnknownMasterKeyError);
        await expect(opening).rejects.toMatchObject({ masterKeyId: right.id, configured: [wrong.id] });
      });

      it('does not unwrap a wrapped key copied to another subject', async () => {
        const masterKeys = masterKeyRing(aMasterKey());
        const store = await open();
        const keys = await vault(store, masterKeys);
        const [owner, thief] = [subject(), subject()];
        await keys.dataKeyFor(owner);
        const [copied] = (await store.liveKeys({ limit: 10 })).filter((key) => key.subject === owner);
        await store.insertIfAbsent({ ...copied, subject: thief });

        await expect(keys.existingDataKey(thief)).rejects.toBeInstanceOf(DataKeyUnwrapError);
      });
    });
  });
}
