import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

/**
 * The customer reads a wrong birth date in what the bank verified. She says so; the document goes back to a reviewer
 * with her words, no department is served its facts meanwhile, the ones relying on it are told, and once a reviewer
 * has read it again the corrected facts are what every department gets.
 */
describe('a customer disputes the facts the bank read from her document', () => {
  let vault: VaultUnderTest;
  let anna: Who;
  let mortgages: Who;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
    mortgages = await vault.department('mortgages', ['evidence:read', 'references:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const dispute = (who: Who, documentId: string, body: object, ifMatch?: string) => {
    const call = vault.http().post(`/v1/documents/${documentId}/disputes`).set('Authorization', `Bearer ${who.token}`);
    return (ifMatch === undefined ? call : call.set('If-Match', ifMatch)).send(body);
  };
  const evidence = (customerId: string) => getAs(vault, mortgages.token, `/v1/customers/${customerId}/evidence?kind=identity&purpose=Mortgage%20application`).expect(200);
  const feedOf = async (after: number) => (await getAs(vault, mortgages.token, `/v1/feed?after=${after}`).expect(200)).body;

  async function verifiedPassport(customer: Who, facts: object): Promise<string> {
    const { body } = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, body.id, { decision: 'approve', facts }, 0).expect(201);
    return body.id;
  }

  it('sends the document back to a reviewer, withholds its evidence, tells the departments, and serves the corrected facts after', async () => {
    const maria = await vault.customer();
    const misread = { ...aPassportsFacts(), dateOfBirth: '1947-03-12' };
    const documentId = await verifiedPassport(maria, misread);
    await vault.http().post(`/v1/documents/${documentId}/references`).set('Authorization', `Bearer ${mortgages.token}`).send({ purpose: 'Mortgage application', caseRef: 'M-1' }).expect(201);
    expect((await evidence(maria.id)).body).toMatchObject({ satisfied: true, documentId, facts: { dateOfBirth: '1947-03-12' } });
    const feedStart = (await feedOf(0)).next;

    const disputed = await dispute(maria, documentId, { fields: ['dateOfBirth'], message: 'My date of birth is 12 March 1974, not 1947.' }, '"3"').expect(200);
    expect(disputed.body).toMatchObject({ status: 'pending_review', revision: 4 });
    expect(disputed.headers.etag).toBe('"4"');

    expect((await evidence(maria.id)).body).toMatchObject({ satisfied: false });
    const told = await eventually(
      async () => {
        const entries = (await feedOf(feedStart)).entries.filter((entry: { type: string }) => entry.type === 'DocumentDisputed');
        return entries.length > 0 && entries;
      },
      { until: 'the dispute reaches the feed' },
    );
    expect(told).toEqual([expect.objectContaining({ documentId, customerId: maria.id, detail: { documentType: 'passport', fields: ['dateOfBirth'] } })]);
    expect(JSON.stringify(told)).not.toContain('12 March');

    const queue = await getAs(vault, anna.token, '/v1/review-queue').expect(200);
    expect(queue.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: documentId, status: 'pending_review', revision: 4 })]));
    const history = await getAs(vault, anna.token, `/v1/documents/${documentId}/history`).expect(200);
    expect(history.body.history.at(-1)).toMatchObject({ type: 'DocumentDisputed', summary: expect.stringContaining('My date of birth is 12 March 1974') });

    await review(vault, anna.token, documentId, { decision: 'approve', facts: { ...misread, dateOfBirth: '1974-03-12' } }, 4).expect(201);
    expect((await evidence(maria.id)).body).toMatchObject({ satisfied: true, documentId, facts: { dateOfBirth: '1974-03-12' } });
  });

  it('takes a dispute only from the customer, on a verified document, about facts the bank read, at the revision she saw', async () => {
    const maria = await vault.customer();
    const pending = (await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201)).body.id;
    const body = { fields: ['dateOfBirth'], message: 'That is not my birth date.' };
    expectProblem(await dispute(maria, pending, body, '"0"'), 409);

    const documentId = await verifiedPassport(maria, aPassportsFacts());
    expectProblem(await dispute(maria, documentId, body), 428);
    expectProblem(await dispute(maria, documentId, body, '"1"'), 412);
    const unknownFact = await dispute(maria, documentId, { ...body, fields: ['shoeSize'] }, '"2"');
    expectProblem(unknownFact, 400);
    expect(unknownFact.body.errors).toEqual([expect.objectContaining({ field: 'fields' })]);
    expectProblem(await dispute(maria, documentId, { fields: [], message: '' }, '"2"'), 400);

    const stranger = await vault.customer();
    expectProblem(await dispute(stranger, documentId, body, '"2"'), 404);
    expectProblem(await dispute(mortgages, documentId, body, '"2"'), 403);
    expectProblem(await dispute(anna, documentId, body, '"2"'), 403);

    const history = await getAs(vault, maria.token, `/v1/documents/${documentId}/history`).expect(200);
    expect(history.body.history.map((entry: { type: string }) => entry.type)).not.toContain('DocumentDisputed');
  });
});
