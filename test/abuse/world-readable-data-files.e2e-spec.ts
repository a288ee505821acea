import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aPdf } from '../support/files';
import { type BuiltVault, runBuiltCli, startBuiltVault } from '../support/built-vault';

async function* entriesUnder(dir: string): AsyncIterable<string> {
  yield dir;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* entriesUnder(join(entry.parentPath, entry.name));
    else yield join(entry.parentPath, entry.name);
  }
}

/**
 * Another account on the host reads the vault's files: the event store, the key store, the read models, the blobs
 * and the dev keys. Everything the vault and its commands create must be its owner's alone, 0600 or 0700.
 */
describe('data files on a shared host', () => {
  let workDir: string;
  let vault: BuiltVault | undefined;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kluis-modes-'));
  });
  afterAll(async () => {
    await vault?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('creates every file and folder readable by its owner only', async () => {
    const dataDir = join(workDir, 'data');
    const env = { VAULT_DATA_DIR: dataDir };
    const token = await runBuiltCli('token', ['--sub', 'C-1001', '--role', 'customer'], env);
    expect(token.code).toBe(0);
    vault = await startBuiltVault(env);
    const form = new FormData();
    form.set('type', 'passport');
    form.set('file', new Blob([aPdf()], { type: 'application/pdf' }), 'passport.pdf');
    const uploaded = await fetch(`${vault.url}/v1/customers/C-1001/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.stdout.trim()}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    await vault.stop();

    const modes: Record<string, string> = {};
    for await (const path of entriesUnder(dataDir)) modes[path.slice(workDir.length)] = ((await stat(path)).mode & 0o777).toString(8);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['/data', '/data/events.db', '/data/keys.db', '/data/read-models.db', '/data/blobs', '/data/dev-master-key', '/data/dev-signing-key.json']));
    expect(Object.entries(modes).filter(([, mode]) => !['600', '700'].includes(mode))).toEqual([]);
  });
});
