import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

/** A stranger's passport on a customer's file: the story the holder cross-check exists for. */
describe("a stranger's passport on a customer's file", () => {
  let vault: VaultUnderTest;
  let anna: Who;
  let bram: Who;
  let mortgages: Who;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
    bram = await vault.reviewer('bram');
    mortgages = await vault.department('mortgages', ['evidence:read']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const strangersFacts = { documentNumber: aPassportsFacts().documentNumber, issuingCountry: 'BEL', holderName: 'Someone Else Entirely', dateOfBirth: '1990-02-03', expiresOn: '2032-05-01' };
  const reason = 'Checked at the branch with the customer in person: the customer changed her name and the earlier date was a typing error by the issuer.';

  const aPassport = async (customer: Who) => (await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201)).body.id as string;
  const evidenceFor = async (customer: Who) =>
    (await getAs(vault, mortgages.token, `/v1/customers/${customer.id}/evidence?kind=identity&purpose=Mortgage%20application`).expect(200)).body;
  const historyOf = async (who: Who, documentId: string) =>
    (await getAs(vault, who.token, `/v1/documents/${documentId}/history`).expect(200)).body.history.map((entry: { summary: string }) => entry.summary);

  it('holds it for a second reviewer who confirms with a reason, serving the customer’s own passport until then', async () => {
    const customer = await vault.customer();
    const own = await aPassport(customer);
    await review(vault, anna.token, own, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);

    const strangers = await aPassport(customer);
    const held = await review(vault, anna.token, strangers, { decision: 'approve', facts: strangersFacts }, 0).expect(201);
    expect(held.body).toMatchObject({ status: 'awaiting_second_review', holderMismatch: { fields: ['holderName', 'dateOfBirth'], confirmed: null } });

    const desk = await getAs(vault, bram.token, `/v1/documents/${strangers}`).expect(200);
    expect(desk.body.holderMismatch).toEqual({ fields: ['holderName', 'dateOfBirth'], confirmed: null });
    expect(await evidenceFor(customer)).toMatchObject({ satisfied: true, documentId: own, facts: { holderName: 'Maria de Vries' } });

    const unconfirmed = await review(vault, bram.token, strangers, { decision: 'approve', facts: strangersFacts }, desk.body.revision);
    expectProblem(unconfirmed, 409, vault);
    expect(unconfirmed.body).toMatchObject({ code: 'DOCUMENT.HOLDER_MISMATCH', errors: [expect.objectContaining({ field: 'holderMismatchReason' })] });
    expect((await getAs(vault, bram.token, `/v1/documents/${strangers}`).expect(200)).body).toMatchObject({ status: 'awaiting_second_review', revision: desk.body.revision });
    expect((await evidenceFor(customer)).documentId).toBe(own);

    const confirmed = await review(vault, bram.token, strangers, { decision: 'approve', facts: strangersFacts, holderMismatchReason: reason }, desk.body.revision).expect(201);
    expect(confirmed.body).toMatchObject({ status: 'verified', holderMismatch: { fields: ['holderName', 'dateOfBirth'], confirmed: { by: 'bram', reason } } });

    expect(await historyOf(bram, strangers)).toEqual(
      expect.arrayContaining([
        "Held for a second reviewer: the name and date of birth differ from the customer's verified identity document",
        `Holder confirmed by bram although the name and date of birth differ: ${reason}`,
      ]),
    );
    const customersView = await historyOf(customer, strangers);
    expect(customersView).toEqual(expect.arrayContaining(['Held for a second reviewer: the name and date of birth differ from your verified identity document']));
    expect(customersView.join('\n')).not.toMatch(/anna|bram/);
    expect((await getAs(vault, customer.token, `/v1/documents/${strangers}`).expect(200)).body.holderMismatch).toBeNull();
  });

  it('verifies a renewed passport of the same holder with one approval, however the name is written', async () => {
    const customer = await vault.customer();
    const own = await aPassport(customer);
    await review(vault, anna.token, own, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
    const renewed = await aPassport(customer);
    const verified = await review(vault, bram.token, renewed, { decision: 'approve', facts: { ...aPassportsFacts(), holderName: 'DE VRIES, MARIA' } }, 0).expect(201);
    expect(verified.body).toMatchObject({ status: 'verified', holderMismatch: null });
  });
});
