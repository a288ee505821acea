import { aMasterKey } from '@kluis/crypto/testing';
import { ConfigError } from './config-error';
import { loadEncryptionConfig } from './encryption-config';

describe('encryption configuration', () => {
  const dataDir = '/srv/kluis';

  it('keeps keys beside the other embedded stores and may generate a dev master key outside production', () => {
    const config = loadEncryptionConfig({}, dataDir);
    expect(config.keyStore).toEqual({ kind: 'sqlite', file: '/srv/kluis/keys.db' });
    expect(config.masterKeys.allowGeneratedKey).toBe(true);
    expect(config.tombstoneJournal).toBe('/srv/kluis/key-tombstones.jsonl');
  });

  it('takes the key store, the master key, the keys a rotation replaces and the journal from the environment', () => {
    const [current, previous] = [aMasterKey(), aMasterKey()];
    const config = loadEncryptionConfig(
      {
        NODE_ENV: 'production',
        VAULT_KEY_STORE: 'postgres://kluis@keys/kluis',
        VAULT_MASTER_KEY: current.base64,
        VAULT_PREVIOUS_MASTER_KEYS: previous.base64,
        VAULT_KEY_TOMBSTONES: '/var/lib/kluis-erasures/tombstones.jsonl',
      },
      dataDir,
    );
    expect(config.keyStore).toEqual({ kind: 'postgres', url: 'postgres://kluis@keys/kluis' });
    expect(config.masterKeys).toMatchObject({ allowGeneratedKey: false, env: { VAULT_MASTER_KEY: current.base64, VAULT_PREVIOUS_MASTER_KEYS: previous.base64 } });
    expect(config.tombstoneJournal).toBe('/var/lib/kluis-erasures/tombstones.jsonl');
    expect(loadEncryptionConfig({ NODE_ENV: 'production', VAULT_MASTER_KEY_FILE: '/run/secrets/master-key' }, dataDir).masterKeys.allowGeneratedKey).toBe(false);
  });

  it.each([
    [{ NODE_ENV: 'production' }, /VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE is required/],
    [{ VAULT_MASTER_KEY: 'c2VjcmV0', VAULT_MASTER_KEY_FILE: '/run/key' }, /not both/],
    [{ VAULT_MASTER_KEY: 'not a key' }, /VAULT_MASTER_KEY: the master key is not base64/],
    [{ VAULT_MASTER_KEY: Buffer.alloc(16, 7).toString('base64') }, /must be 32 bytes/],
    [{ VAULT_PREVIOUS_MASTER_KEYS: 'nope' }, /VAULT_PREVIOUS_MASTER_KEYS \(entry 1\)/],
    [{ VAULT_KEY_STORE: 'mysql://keys' }, /VAULT_KEY_STORE must start with sqlite: or postgres:\/\//],
  ])('refuses %j, naming the variable and never the key', (env, message) => {
    expect(() => loadEncryptionConfig(env, dataDir)).toThrow(ConfigError);
    expect(() => loadEncryptionConfig(env, dataDir)).toThrow(message);
  });
});
