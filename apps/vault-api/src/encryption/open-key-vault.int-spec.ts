import { aMasterKey } from '@kluis/crypto/testing';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { loadEncryptionConfig } from '../config/encryption-config';
import { openKeyVault } from './open-key-vault';

describe('the key vault the vault opens', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-keys-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes a dev master key in the data directory once, and opens the same keys with it after a restart', async () => {
    const config = loadEncryptionConfig({ NODE_ENV: 'test' }, dataDir);
    const first = await openKeyVault(config);
    const key = await first.dataKeyFor('C-1001');
    await first.close();
    const devKey = await readFile(join(dataDir, 'dev-master-key'), 'utf8');

    const again = await openKeyVault(config);
    expect((await again.existingDataKey('C-1001'))?.keyId).toBe(key.keyId);
    await again.close();
    expect(await readFile(join(dataDir, 'dev-master-key'), 'utf8')).toBe(devKey);
  });

  it('refuses to start with another master key than the one the key store was made with', async () => {
    const vault = await openKeyVault(loadEncryptionConfig({ VAULT_MASTER_KEY: aMasterKey().base64 }, dataDir));
    await vault.dataKeyFor('C-1001');
    await vault.close();
    await expect(openKeyVault(loadEncryptionConfig({ VAULT_MASTER_KEY: aMasterKey().base64 }, dataDir))).rejects.toThrow(ConfigError);
  });

  it('keeps a destroyed key destroyed when the key store is rolled back to before the destroy', async () => {
    const config = loadEncryptionConfig({ NODE_ENV: 'test' }, dataDir);
    const vault = await openKeyVault(config);
    await vault.dataKeyFor('C-1001');
    await vault.dataKeyFor('C-1002');
    await vault.close();
    await copyFile(join(dataDir, 'keys.db'), join(dataDir, 'keys-backup.db'));

    const running = await openKeyVault(config);
    await running.destroy('C-1001');
    expect(await running.existingDataKey('C-1001')).toBeNull();
    await running.close();
    await copyFile(join(dataDir, 'keys-backup.db'), join(dataDir, 'keys.db'));

    const restored = await openKeyVault(config);
    expect(await restored.isDestroyed('C-1001')).toBe(true);
    expect(await restored.existingDataKey('C-1001')).toBeNull();
    expect(await restored.existingDataKey('C-1002')).not.toBeNull();
    await restored.close();
  });
});
