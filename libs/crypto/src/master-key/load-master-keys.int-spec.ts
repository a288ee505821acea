import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidMasterKeyError } from '../crypto.errors';
import { aMasterKey } from '../testing';
import { devMasterKeyPath, loadMasterKeyRing } from './load-master-keys';

describe('loading the master key', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-master-key-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the key from VAULT_MASTER_KEY and writes nothing', async () => {
    const key = aMasterKey();

    const ring = await loadMasterKeyRing({ env: { VAULT_MASTER_KEY: key.base64 }, dataDir: dir, allowGeneratedKey: true });

    expect(ring.current.id).toBe(key.id);
    expect(ring.previous).toEqual([]);
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('takes the key from the file VAULT_MASTER_KEY_FILE names, as a mounted secret', async () => {
    const key = aMasterKey();
    const file = join(dir, 'master-key');
    await writeFile(file, `${key.base64}\n`);

    const ring = await loadMasterKeyRing({ env: { VAULT_MASTER_KEY_FILE: file }, dataDir: dir, allowGeneratedKey: false });

    expect(ring.current.id).toBe(key.id);
  });

  it('accepts the keys a rotation replaces, for reading only', async () => {
    const [current, older, oldest] = [aMasterKey(), aMasterKey(), aMasterKey()];

    const ring = await loadMasterKeyRing({
      env: { VAULT_MASTER_KEY: current.base64, VAULT_PREVIOUS_MASTER_KEYS: `${older.base64}, ${oldest.base64}` },
      dataDir: dir,
      allowGeneratedKey: false,
    });

    expect(ring.current.id).toBe(current.id);
    expect(ring.previous.map((key) => key.id)).toEqual([older.id, oldest.id]);
  });

  it('generates a key in the data directory outside production, readable by the owner only, and keeps it', async () => {
    const first = await loadMasterKeyRing({ env: {}, dataDir: dir, allowGeneratedKey: true });
    const again = await loadMasterKeyRing({ env: {}, dataDir: dir, allowGeneratedKey: true });

    expect(again.current.id).toBe(first.current.id);
    expect((await stat(devMasterKeyPath(dir))).mode & 0o777).toBe(0o600);
  });

  it('gives processes that start together one and the same generated key', async () => {
    const rings = await Promise.all(Array.from({ length: 6 }, () => loadMasterKeyRing({ env: {}, dataDir: dir, allowGeneratedKey: true })));

    expect(new Set(rings.map((ring) => ring.current.id)).size).toBe(1);
    await expect(readdir(dir)).resolves.toEqual(['dev-master-key']);
  });

  it('refuses to run without a configured key in production', async () => {
    const loading = loadMasterKeyRing({ env: {}, dataDir: dir, allowGeneratedKey: false });

    await expect(loading).rejects.toBeInstanceOf(InvalidMasterKeyError);
    await expect(loading).rejects.toMatchObject({ source: 'VAULT_MASTER_KEY' });
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it.each([
    ['a short VAULT_MASTER_KEY', { VAULT_MASTER_KEY: randomBytes(16).toString('base64') }, 'VAULT_MASTER_KEY'],
    ['both a key and a key file', { VAULT_MASTER_KEY: aMasterKey().base64, VAULT_MASTER_KEY_FILE: 'master-key' }, 'VAULT_MASTER_KEY'],
    ['a key file that is not there', { VAULT_MASTER_KEY_FILE: join('no', 'such', 'file') }, 'VAULT_MASTER_KEY_FILE'],
    [
      'a weak previous key',
      { VAULT_MASTER_KEY: aMasterKey().base64, VAULT_PREVIOUS_MASTER_KEYS: Buffer.alloc(32).toString('base64') },
      'VAULT_PREVIOUS_MASTER_KEYS (entry 1)',
    ],
  ])('refuses %s, naming the variable', async (_name, env, source) => {
    const loading = loadMasterKeyRing({ env, dataDir: dir, allowGeneratedKey: true });

    await expect(loading).rejects.toMatchObject({ code: 'CRYPTO.INVALID_MASTER_KEY', source });
  });

  it('refuses a generated key file someone shortened', async () => {
    await writeFile(devMasterKeyPath(dir), randomBytes(8).toString('base64'));

    await expect(loadMasterKeyRing({ env: {}, dataDir: dir, allowGeneratedKey: true })).rejects.toBeInstanceOf(InvalidMasterKeyError);
  });
});
