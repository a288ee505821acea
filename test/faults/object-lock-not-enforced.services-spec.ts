import { aMasterKey } from '@kluis/crypto/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltVault } from '../support/built-vault';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { type LyingS3Proxy, startLyingS3Proxy } from './support/lying-s3-proxy';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run test:services\`, which starts Ceph RGW and sets it`);
  return value;
}

/**
 * The S3 server accepts COMPLIANCE retention and deletes the locked version anyway. A bank cannot take the store's
 * word for WORM: the vault's canary must catch it, refuse to start in production, and say so on /health and in
 * its metrics everywhere else.
 */
describe('an S3 server that does not enforce object lock', () => {
  let proxy: LyingS3Proxy;
  const storeThroughProxy = () => ({
    VAULT_BLOB_STORE: `s3://${proxy.host}/?bucket=kluis-lying-${randomUUID().slice(0, 8)}&useSSL=false&objectLock=compliance`,
    VAULT_S3_ACCESS_KEY: required('TEST_S3_ACCESS_KEY'),
    VAULT_S3_SECRET_KEY: required('TEST_S3_SECRET_KEY'),
  });

  beforeAll(async () => {
    proxy = await startLyingS3Proxy(new URL(required('TEST_S3_ENDPOINT')));
  });
  afterAll(() => proxy.close());

  it('reports it on /health and in the metrics outside production', async () => {
    const vault: VaultUnderTest = await startVault(storeThroughProxy());
    try {
      expect(proxy.liedAbout()).toBeGreaterThan(0);
      const health = await vault.http().get('/health').expect(200);
      expect(health.body).toMatchObject({ status: 'degraded', objectLock: { status: 'not-enforced', at: expect.any(String) } });
      const { text } = await vault.http().get('/metrics').expect(200);
      expect(text).toMatch(/^kluis_object_lock_canary_failures_total 1$/m);
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });

  it('stops a production vault at start-up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kluis-lying-s3-'));
    try {
      const starting = startBuiltVault({
        ...storeThroughProxy(),
        NODE_ENV: 'production',
        VAULT_DATA_DIR: dataDir,
        VAULT_OIDC_ISSUER: 'https://login.bank.example/realms/staff',
        VAULT_JWKS_URL: 'https://login.bank.example/jwks',
        VAULT_MASTER_KEY: aMasterKey().base64,
        VAULT_MALWARE_SCANNER: `clamd://${required('TEST_CLAMD_HOST')}:${required('TEST_CLAMD_PORT')}`,
      });
      await expect(starting).rejects.toThrow(/Kluis could not start: VAULT_BLOB_STORE: the S3 server deleted a version under COMPLIANCE retention/);
      await (await starting.catch(() => null))?.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
