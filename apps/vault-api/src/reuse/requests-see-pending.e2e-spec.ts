import { addBusinessDays } from '@kluis/document-domain';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../../../../test/support/vault-requests';

type Who = { id: string; token: string };

describe('a department asks while the customer\'s document is in review', () => {
  let vault: VaultUnderTest;
  let anna: Who;
  let branch: Who;
  let investments: Who;
  let mortgages: Who;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
    branch = await vault.reviewer('branch-desk-3');
    investments = await vault.department('investments', ['evidence:read', 'references:write', 'requests:write']);
    mortgages = await vault.department('mortgages', ['evidence:read', 'requests:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const dueIn = (businessDays: number) => addBusinessDays(vault.clock.now(), businessDays).toISOString().slice(0, 10);
  const yesterday = () => new Date(vault.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
  const ask = (who: Who, customerId: string, dueBy: string, purpose = 'Provide your ID or we will block your account') =>
    vault.http().post(`/v1/customers/${customerId}/document-requests`).set('Authorization', `Bearer ${who.token}`).send({ kind: 'identity', purpose, dueBy });
  const requestsOf = async (who: Who, customerId: string) => (await getAs(vault, who.token, `/v1/customers/${customerId}/document-requests`).expect(200)).body.requests;
  const feedOf = async (who: Who, after = 0) => (await getAs(vault, who.token, `/v1/feed?after=${after}`).expect(200)).body;
  const idCardAtBranch = async (customerId: string) => (await upload(vault, branch.token, customerId, { file: aPdf(), type: 'id-card', channel: 'branch' }).expect(201)).body;

  it('waits on the ID card in review, asks the customer nothing, and is satisfied when it is verified', async () => {
    const customer = await vault.customer();
    const feedStart = (await feedOf(investments)).next;
    const idCard = await idCardAtBranch(customer.id);
    expect(idCard.status).toBe('pending_review');

    const lateDate = await ask(investments, customer.id, yesterday()).expect(400);
    expectProblem(lateDate, 400);
    expect(lateDate.body.errors).toEqual([{ field: 'dueBy', message: expect.stringMatching(/at least 10 business days/) }]);
    const notADate = await ask(investments, customer.id, '2027-02-30').expect(400);
    expect(notADate.body.errors).toEqual([{ field: 'dueBy', message: expect.stringMatching(/real date/) }]);
    expect(await requestsOf(customer, customer.id)).toEqual([]);

    const dueBy = dueIn(10);
    const asked = await ask(investments, customer.id, dueBy, 'Opening investment account INV-4471').expect(200);
    expect(asked.body).toMatchObject({ id: expect.any(String), status: 'in_review', kind: 'identity', documentId: idCard.id, reviewDueAt: idCard.reviewDueAt });

    const mine = await getAs(vault, customer.token, '/v1/me/documents').expect(200);
    expect(mine.body.openRequests).toEqual([]);

    const evidence = await getAs(vault, investments.token, `/v1/customers/${customer.id}/evidence?kind=identity`).expect(200);
    expect(evidence.body).toEqual({ satisfied: false, pending: { documentId: idCard.id, reviewDueAt: idCard.reviewDueAt } });

    const mortgagesAsked = await ask(mortgages, customer.id, dueIn(12), 'Mortgage offer').expect(200);
    expect(mortgagesAsked.body).toMatchObject({ id: asked.body.id, status: 'in_review', documentId: idCard.id });
    const queue = await getAs(vault, anna.token, '/v1/review-queue').expect(200);
    expect(queue.body.items.find((item: { id: string }) => item.id === idCard.id)).toMatchObject({ waitingDepartments: ['investments', 'mortgages'], neededBy: dueBy });

    const refused = await vault
      .http()
      .post(`/v1/document-requests/${asked.body.id}/escalations`)
      .set('Authorization', `Bearer ${investments.token}`)
      .send({ action: 'restrict-account', purpose: 'No ID on file' })
      .expect(409);
    expectProblem(refused, 409);
    expect(refused.body.code).toBe('REQUEST.ESCALATION_REFUSED');
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['documents', 'dueBy', 'notices', 'noticePeriod']);
    const shown = await getAs(vault, investments.token, `/v1/document-requests/${asked.body.id}`).expect(200);
    expect(shown.body).toMatchObject({ id: asked.body.id, status: 'in_review', waitingOn: { documentId: idCard.id, reviewDueAt: idCard.reviewDueAt }, escalations: [], notices: [] });

    await review(vault, anna.token, idCard.id, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'IDNL55501' } }, 0).expect(201);
    await eventually(async () =>
      expect(await requestsOf(investments, customer.id)).toEqual([expect.objectContaining({ id: asked.body.id, status: 'satisfied', documentId: idCard.id })]),
    );
    const feed = await eventually(async () => {
      const page = await feedOf(investments, feedStart);
      expect(page.entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'DocumentRequestSatisfied', customerId: customer.id, documentId: idCard.id, requestId: asked.body.id })]));
      return page;
    });
    expect(feed.entries.filter((entry: { type: string }) => entry.type === 'DocumentRequestSentToCustomer')).toEqual([]);

    // Nothing was ever asked of her: the one ask waited on her ID card from start to end.
    const hers = await requestsOf(customer, customer.id);
    expect(hers).toEqual([expect.objectContaining({ id: asked.body.id, status: 'satisfied', lastRejection: null, waitingOn: null })]);
    expect((await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body.openRequests).toEqual([]);
  });

  it('asks the customer once, with the reason, only when the ID card in review is rejected', async () => {
    const customer = await vault.customer();
    const idCard = await idCardAtBranch(customer.id);
    const dueBy = dueIn(10);
    const asked = await ask(investments, customer.id, dueBy, 'Opening investment account INV-4472').expect(200);
    expect(asked.body.status).toBe('in_review');
    expect((await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body.openRequests).toEqual([]);

    const message = 'The photo on the card cannot be read. Please bring the card itself to a branch.';
    await review(vault, anna.token, idCard.id, { decision: 'reject', reasonCode: 'ILLEGIBLE', message }, 0).expect(201);

    const open = await eventually(async () => {
      const { openRequests } = (await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body;
      expect(openRequests).toEqual([expect.objectContaining({ id: asked.body.id, status: 'open', overdue: false, dueBy, lastRejection: expect.objectContaining({ documentId: idCard.id, reasonCode: 'ILLEGIBLE', message }) })]);
      return openRequests[0];
    });
    expect(open.wording.en).toContain(message);
    expect(open.wording.en).toMatch(/^We could not accept the document you sent: .*for Investments, by .*\. .*Please send a valid identity document .* instead\.$/);
    expect(open.wording.nl).toMatch(/uiterlijk .*Stuur ons daarom een geldig identiteitsbewijs/);
    expect(open.wording.en).not.toContain('INV-4472');
    expect(open.askers).toEqual([expect.objectContaining({ department: 'investments', purpose: 'Opening investment account INV-4472' })]);

    // Another department asking now joins that one ask: she is asked once.
    const joined = await ask(mortgages, customer.id, dueIn(11), 'Mortgage offer').expect(200);
    expect(joined.body).toMatchObject({ id: asked.body.id, status: 'open' });
    expect(await requestsOf(customer, customer.id)).toHaveLength(1);
    const evidence = await getAs(vault, investments.token, `/v1/customers/${customer.id}/evidence?kind=identity`).expect(200);
    expect(evidence.body).toEqual({ satisfied: false });
  });

  it('asks the customer when she withdraws the document the ask waited on', async () => {
    const customer = await vault.customer();
    const uploaded = (await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201)).body;
    const asked = await ask(investments, customer.id, dueIn(10), 'Opening investment account INV-4474').expect(200);
    expect(asked.body).toMatchObject({ status: 'in_review', documentId: uploaded.id });
    const { headers } = await getAs(vault, customer.token, `/v1/documents/${uploaded.id}`).expect(200);
    await vault.http().delete(`/v1/documents/${uploaded.id}`).set('Authorization', `Bearer ${customer.token}`).set('If-Match', headers.etag).expect(200);
    await eventually(async () => {
      const { openRequests } = (await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body;
      expect(openRequests).toEqual([expect.objectContaining({ id: asked.body.id, status: 'open', lastRejection: expect.objectContaining({ documentId: uploaded.id, reasonCode: 'WITHDRAWN' }) })]);
    });
  });

  it('opens an ask to the customer, as before, when nothing of the kind is on file or in review', async () => {
    const customer = await vault.customer();
    const asked = await ask(investments, customer.id, dueIn(10), 'Opening investment account INV-4473').expect(201);
    expect(asked.body).toMatchObject({ status: 'open', kind: 'identity' });
    const { openRequests } = (await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body;
    expect(openRequests).toEqual([expect.objectContaining({ id: asked.body.id, wording: { en: expect.stringMatching(/^We need a valid identity document .* for Investments, by /), nl: expect.stringMatching(/^Wij hebben een geldig identiteitsbewijs/) } })]);
  });
});
