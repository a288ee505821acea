import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

/** One passport number verified on two customers: a stolen or copied identity, or an issuer's error. */
describe('a passport number already verified for another customer', () => {
  let vault: VaultUnderTest;
  let anna: Who;
  let bram: Who;
  let admin: string;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
    bram = await vault.reviewer('bram');
    admin = await vault.token('admin-1', ['admin']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const aPassport = async (customer: Who) => (await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201)).body.id as string;
  const conflicts = async () => (await getAs(vault, admin, '/v1/admin/identity-number-conflicts').expect(200)).body.conflicts as { documentId: string }[];

  it('is refused with 409 that names neither the other customer nor their document, and is listed for support', async () => {
    const first = await vault.customer();
    const second = await vault.customer();
    const facts = aPassportsFacts();
    const firstPassport = await aPassport(first);
    await review(vault, anna.token, firstPassport, { decision: 'approve', facts }, 0).expect(201);

    const secondPassport = await aPassport(second);
    const refused = await review(vault, anna.token, secondPassport, { decision: 'approve', facts: { ...facts, documentNumber: facts.documentNumber.toLowerCase(), issuingCountry: 'NLD' } }, 0);
    expectProblem(refused, 409, vault);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT.NUMBER_IN_USE', errors: [expect.objectContaining({ field: 'facts.documentNumber' })] });
    expect(refused.text).not.toContain(first.id);
    expect(refused.text).not.toContain(firstPassport);
    expect((await getAs(vault, second.token, `/v1/documents/${secondPassport}`).expect(200)).body).toMatchObject({ status: 'pending_review', revision: 0 });

    expect(await conflicts()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ customerId: second.id, documentId: secondPassport, heldBy: { customerId: first.id, documentId: firstPassport }, refusedBy: 'anna', at: expect.any(String) }),
      ]),
    );
  });

  it('lets the same customer verify a second document with their own number', async () => {
    const customer = await vault.customer();
    const facts = aPassportsFacts();
    await review(vault, anna.token, await aPassport(customer), { decision: 'approve', facts }, 0).expect(201);
    await review(vault, bram.token, await aPassport(customer), { decision: 'approve', facts }, 0).expect(201);
  });

  it('keeps the same number in another issuing country apart', async () => {
    const facts = aPassportsFacts();
    await review(vault, anna.token, await aPassport(await vault.customer()), { decision: 'approve', facts }, 0).expect(201);
    await review(vault, anna.token, await aPassport(await vault.customer()), { decision: 'approve', facts: { ...facts, issuingCountry: 'BEL' } }, 0).expect(201);
  });

  it('lets exactly one of two approvals at once on two customers win', async () => {
    const facts = aPassportsFacts();
    const passports = await Promise.all([vault.customer(), vault.customer()].map(async (customer) => aPassport(await customer)));
    const answers = await Promise.all(passports.map((id, index) => review(vault, index === 0 ? anna.token : bram.token, id, { decision: 'approve', facts }, 0)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('DOCUMENT.NUMBER_IN_USE');
  });

  it('passes the number on once its holder was erased, so a person who comes back under a new customer id can file', async () => {
    const facts = aPassportsFacts();
    const before = await vault.customer();
    await review(vault, anna.token, await aPassport(before), { decision: 'approve', facts }, 0).expect(201);
    // Erasure destroys the customer's key first (crypto-shredding); that alone frees the number.
    await vault.app.get<KeyVault>(KEY_VAULT).destroy(before.id);
    const after = await vault.customer();
    await review(vault, anna.token, await aPassport(after), { decision: 'approve', facts }, 0).expect(201);
    const third = await vault.customer();
    expectProblem(await review(vault, bram.token, await aPassport(third), { decision: 'approve', facts }, 0), 409);
  });

  it('shows the conflicts to administrators only', async () => {
    expectProblem(await getAs(vault, anna.token, '/v1/admin/identity-number-conflicts'), 403);
    const customer = await vault.customer();
    expectProblem(await getAs(vault, customer.token, '/v1/admin/identity-number-conflicts'), 403);
    expectProblem(await getAs(vault, admin, '/v1/admin/identity-number-conflicts?after=-1'), 400);
    const page = await getAs(vault, admin, '/v1/admin/identity-number-conflicts').expect(200);
    expect(page.body.next).toBeNull();
    const later = await getAs(vault, admin, `/v1/admin/identity-number-conflicts?after=${page.body.conflicts.at(-1).position}`).expect(200);
    expect(later.body.conflicts).toEqual([]);
  });
});
