import { mintDevToken } from '@kluis/auth';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { getAs } from '../../../../../test/support/vault-requests';

describe('the address in the sign-in', () => {
  let vault: VaultUnderTest;
  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const signedIn = (sub: string, email: string) => mintDevToken(vault.dataDir, { sub, roles: ['customer'], email });

  it('is where notices are mailed until the customer sets one of her own, which it never replaces', async () => {
    const fromToken = await signedIn('C-signin-1', 'maria@example.nl');
    expect((await getAs(vault, fromToken, '/v1/me/contact').expect(200)).body).toEqual({ email: 'maria@example.nl' });

    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${fromToken}`).send({ email: 'm.devries@example.nl' }).expect(200);
    const later = await signedIn('C-signin-1', 'maria@example.nl');
    expect((await getAs(vault, later, '/v1/me/contact').expect(200)).body).toEqual({ email: 'm.devries@example.nl' });
  });

  it('is not taken for staff, who get no notices', async () => {
    const reviewer = await mintDevToken(vault.dataDir, { sub: 'anna', roles: ['reviewer'], email: 'anna@bank.example' });
    await getAs(vault, reviewer, '/v1/review-queue').expect(200);
    const customer = await vault.token('anna', ['customer']);
    expect((await getAs(vault, customer, '/v1/me/contact').expect(200)).body).toEqual({ email: null });
  });
});
