import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltVault } from '../support/built-vault';

/**
 * An operator writes NODE_ENV=prod, or Production. Read loosely, that is not production, so the vault would start
 * with open dev sign-in and a master key generated beside the data. It must refuse to start instead, and say why.
 */
describe('a misspelt NODE_ENV', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-node-env-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['prod', 'Production', 'staging'])('stops the vault at start-up when NODE_ENV=%s, writing nothing', async (NODE_ENV) => {
    const starting = startBuiltVault({ NODE_ENV, VAULT_DATA_DIR: dataDir });
    await expect(starting).rejects.toThrow(/exited while starting: Kluis could not start: NODE_ENV must be one of production, development, test/);
    const started = await starting.catch(() => null);
    await started?.stop();
    expect(await readdir(dataDir)).toEqual([]);
  });
});
