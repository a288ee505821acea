import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { getAs } from '../../../../../test/support/vault-requests';

describe('dev sign-in', () => {
  describe('in dev mode', () => {
    let vault: VaultUnderTest;
    beforeAll(async () => {
      vault = await startVault();
    });
    afterAll(async () => {
      await vault.stop();
      await removeDataDir(vault);
    });

    it('offers exactly the demo identities', async () => {
      const response = await vault.http().get('/dev/identities').expect(200);
      expect(response.body.identities.map((identity: { id: string; sub: string }) => [identity.id, identity.sub])).toEqual([
        ['customer', 'C-1001'],
        ['anna', 'anna'],
        ['bram', 'bram'],
        ['mandates', 'mandates-desk'],
      ]);
    });

    it('mints a token the vault accepts, for the identity picked and nothing more', async () => {
      const minted = await vault.http().post('/dev/tokens').send({ identity: 'anna' }).expect(201);
      expect(minted.headers['cache-control']).toBe('no-store');
      await getAs(vault, minted.body.token, '/v1/review-queue').expect(200);
      await getAs(vault, minted.body.token, '/v1/me/documents').expect(403);

      const customer = await vault.http().post('/dev/tokens').send({ identity: 'customer' }).expect(201);
      await getAs(vault, customer.body.token, '/v1/me/documents').expect(200);
      await getAs(vault, customer.body.token, '/v1/review-queue').expect(403);
    });

    it('refuses any other identity or claim', async () => {
      const unknown = await vault.http().post('/dev/tokens').send({ identity: 'admin' }).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'identity' })]);
      await vault.http().post('/dev/tokens').send({ identity: 'anna', roles: ['admin'] }).expect(400);
    });
  });

  describe('in OIDC mode', () => {
    let vault: VaultUnderTest;
    beforeAll(async () => {
      vault = await startVault({
        VAULT_AUTH_MODE: 'oidc',
        VAULT_OIDC_ISSUER: 'https://login.bank.example/realms/kluis',
        VAULT_JWKS_URL: 'https://login.bank.example/realms/kluis/certs',
      });
    });
    afterAll(async () => {
      await vault.stop();
      await removeDataDir(vault);
    });

    it('does not exist at all', async () => {
      for (const call of [() => vault.http().post('/dev/tokens').send({ identity: 'anna' }), () => vault.http().get('/dev/identities')]) {
        const response = await call().expect(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const openApi = await vault.http().get('/docs-json').expect(200);
      expect(Object.keys(openApi.body.paths).filter((path) => path.startsWith('/dev'))).toEqual([]);
    });

    it('tells the UI to sign in with the issuer', async () => {
      const config = await vault.http().get('/ui-config').expect(200);
      expect(config.body).toMatchObject({
        authMode: 'oidc',
        oidc: { issuer: 'https://login.bank.example/realms/kluis', clientId: null, audience: 'kluis' },
      });
    });
  });
});
