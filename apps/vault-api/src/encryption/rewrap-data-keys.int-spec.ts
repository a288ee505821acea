import { aMasterKey } from '@kluis/crypto/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { loadEncryptionConfig } from '../config/encryption-config';
import { openKeyVault } from './open-key-vault';
import { rewrapDataKeys } from './rewrap-data-keys';

describe('rotating the master key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-rotation-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-wraps every data key under the new master key, so the old one can be retired', async () => {
    const old = aMasterKey();
    const next = aMasterKey();
    const before = await openKeyVault(loadEncryptionConfig({ VAULT_MASTER_KEY: old.base64 }, dataDir));
    const keyIds = await Promise.all(['C-1', 'C-2', 'C-3'].map(async (subject) => (await before.dataKeyFor(subject)).keyId));
    await before.close();

    const rotating = loadEncryptionConfig({ VAULT_MASTER_KEY: next.base64, VAULT_PREVIOUS_MASTER_KEYS: old.base64 }, dataDir);
    const report = await rewrapDataKeys(rotating);
    expect(report).toMatchObject({ rewrapped: 3, alreadyCurrent: 0, usage: { [report.currentMasterKey]: 3 } });
    expect(Object.keys(report.usage)).toEqual([report.currentMasterKey]);
    expect(await rewrapDataKeys(rotating)).toMatchObject({ rewrapped: 0, alreadyCurrent: 3 });

    const after = await openKeyVault(loadEncryptionConfig({ VAULT_MASTER_KEY: next.base64 }, dataDir));
    expect(await Promise.all(['C-1', 'C-2', 'C-3'].map(async (subject) => (await after.existingDataKey(subject))?.keyId))).toEqual(keyIds);
    await after.close();
    await expect(openKeyVault(loadEncryptionConfig({ VAULT_MASTER_KEY: old.base64 }, dataDir))).rejects.toThrow(ConfigError);
  });
});
