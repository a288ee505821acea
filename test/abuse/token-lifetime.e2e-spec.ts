import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { hostileTokens, vaultSignedToken } from './support/hostile-tokens';

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

/**
 * Tokens signed with the vault's own key that still must not pass: meant to live longer than a working day,
 * issued in the future, or with no issue time at all. And a client that keeps sending refused tokens is stopped.
 */
describe('token lifetime', () => {
  let vault: VaultUnderTest;
  const customerId = `C-${randomUUID()}`;

  beforeAll(async () => {
    vault = await startVault();
  });

  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  const call = (token: string) => vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${token}`);

  it('accepts a token living exactly the 12 hours allowed', async () => {
    await call(await vaultSignedToken(vault.dataDir, customerId, { issuedAt: now(), expiresAt: now() + 12 * HOUR })).expect(200);
  });

  it.each([
    ['meant to live 13 hours', { issuedAt: now(), expiresAt: now() + 13 * HOUR }],
    ['meant to live a year', { issuedAt: now() - 60, expiresAt: now() + 365 * 24 * HOUR }],
    ['issued an hour from now', { issuedAt: now() + HOUR, expiresAt: now() + 2 * HOUR }],
    ['without an issue time', { issuedAt: undefined, expiresAt: now() + HOUR }],
  ])('refuses a token %s', async (_label, times) => {
    const response = await call(await vaultSignedToken(vault.dataDir, customerId, times)).expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toContain('invalid_token');
  });

  it('will not mint a dev token longer-lived than the verifier accepts', async () => {
    await expect(mintDevToken(vault.dataDir, { sub: customerId, roles: ['customer'], expiresIn: '7d' })).rejects.toThrow('must be at most 12h');
  });
});

describe('forged tokens from one address', () => {
  it('are answered 429 once an address has sent 300 refused tokens in a minute, while tokens verified before still pass', async () => {
    const vault = await startVault();
    try {
      const { foreignKey } = await hostileTokens(vault.dataDir, `C-${randomUUID()}`);
      const colleague = await vault.customer();
      await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${colleague.token}`).expect(200);
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 650; i++) {
        const response = await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${foreignKey}`);
        statuses.push(response.status);
        limited ??= response.status === 429 ? response : undefined;
      }
      expect(statuses.slice(0, 300).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(300).every((status) => status === 429)).toBe(true);
      expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited?.text).not.toMatch(/Exception/);
      // Behind the same proxy: a token verified minutes ago still passes, one never seen waits out the minute.
      await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${colleague.token}`).expect(200);
      const newcomer = await vault.customer();
      await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${newcomer.token}`).expect(429);
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });
});
