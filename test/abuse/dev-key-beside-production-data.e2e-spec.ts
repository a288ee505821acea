import { aMasterKey } from '@kluis/crypto/testing';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, startBuiltVault } from '../support/built-vault';

/**
 * On a production host, someone runs `npm run token` without NODE_ENV=production against the production data
 * folder. A dev signing key written there would let anyone who can read the folder, or who once starts it in dev
 * mode, sign in as anyone. The command must refuse and leave the folder as it was.
 */
describe('minting a dev token against production data', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-production-data-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses, writing no dev signing key beside the data of a vault that ran without dev keys', async () => {
    // What a production vault leaves: its stores, signed in through OIDC, under a master key kept elsewhere.
    const vault = await startBuiltVault({
      VAULT_DATA_DIR: dataDir,
      VAULT_AUTH_MODE: 'oidc',
      VAULT_OIDC_ISSUER: 'https://login.bank.example/realms/staff',
      VAULT_JWKS_URL: 'https://login.bank.example/jwks',
      VAULT_MASTER_KEY: aMasterKey().base64,
    });
    await vault.stop();
    const before = (await readdir(dataDir)).sort();
    expect(before).toEqual(expect.arrayContaining(['events.db', 'keys.db']));

    const run = await runBuiltCli('token', ['--sub', 'admin-1', '--role', 'admin'], { VAULT_DATA_DIR: dataDir, NODE_ENV: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds a vault's data but no dev key/);
    expect(run.stdout).toBe('');
    await expect(access(join(dataDir, 'dev-signing-key.json'))).rejects.toThrow();
    expect((await readdir(dataDir)).sort()).toEqual(before);
  });

  it('still mints into a new folder and beside a dev vault\'s data', async () => {
    const devDir = join(dataDir, 'dev');
    const first = await runBuiltCli('token', ['--sub', 'C-1001', '--role', 'customer'], { VAULT_DATA_DIR: devDir });
    expect(first.code).toBe(0);
    const vault = await startBuiltVault({ VAULT_DATA_DIR: devDir });
    await vault.stop();
    const again = await runBuiltCli('token', ['--sub', 'C-1001', '--role', 'customer'], { VAULT_DATA_DIR: devDir });
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('.')).toHaveLength(3);
  });
});
