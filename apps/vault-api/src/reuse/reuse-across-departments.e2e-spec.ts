import { addBusinessDays } from '@kluis/document-domain';
import type { INestApplication } from '@nestjs/common';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, passportFacts, powerOfAttorneyFacts, review, upload } from '../../../../test/support/vault-requests';
import { ExpiryProcess } from '../expiry/expiry.process';

type Who = { id: string; token: string };

describe('reuse across departments: never asking twice', () => {
  let vault: VaultUnderTest;
  let anna: Who;
  let bram: Who;
  let carla: Who;
  let mandates: Who;
  let investments: Who;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
    bram = await vault.reviewer('bram');
    carla = await vault.reviewer('carla');
    const relyAndAsk = ['evidence:read', 'references:write', 'requests:write'] as const;
    mandates = await vault.department('mandates', [...relyAndAsk, 'content:read']);
    investments = await vault.department('investments', [...relyAndAsk]);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const post = (who: Who, path: string, body: object) => vault.http().post(path).set('Authorization', `Bearer ${who.token}`).send(body);
  const ask = (who: Who, customerId: string, kind: string, purpose = 'Needed for the case', dueBy?: string) =>
    post(who, `/v1/customers/${customerId}/document-requests`, { kind, purpose, ...(dueBy ? { dueBy } : {}) });
  /** A due date the given number of business days after the vault's today. */
  const dueIn = (businessDays: number) => addBusinessDays(vault.clock.now(), businessDays).toISOString().slice(0, 10);
  const rely = (who: Who, documentId: string, purpose: string, caseRef: string) => post(who, `/v1/documents/${documentId}/references`, { purpose, caseRef });
  const requestsOf = async (who: Who, customerId: string) => (await getAs(vault, who.token, `/v1/customers/${customerId}/document-requests`).expect(200)).body.requests;
  const feedOf = async (who: Who, after = 0) => (await getAs(vault, who.token, `/v1/feed?after=${after}`).expect(200)).body;
  const verifyPowerOfAttorney = async (documentId: string) => {
    await review(vault, anna.token, documentId, { decision: 'approve', facts: powerOfAttorneyFacts }, 0).expect(201);
    await review(vault, bram.token, documentId, { decision: 'approve', facts: powerOfAttorneyFacts }, 1).expect(201);
  };
  const uploadAtBranch = async (customerId: string, type: string, relatedCustomerIds?: string) =>
    (await upload(vault, carla.token, customerId, { file: aPdf(), type, relatedCustomerIds }).expect(201)).body.id as string;

  it('tells the seed story: upload once at the branch, verified once, relied on by two departments, nothing asked twice', async () => {
    const mother = await vault.customer();
    const father = `C-father-of-${mother.id}`;
    const feedStart = (await feedOf(mandates)).next;

    const identityId = await uploadAtBranch(mother.id, 'id-card');
    const powerOfAttorneyId = await uploadAtBranch(mother.id, 'notarial-power-of-attorney', father);

    const asked = await ask(mandates, mother.id, 'power-of-attorney', 'Registering the mandate for the joint account', dueIn(15)).expect(200);
    expect(asked.body).toMatchObject({ status: 'in_review', documentId: powerOfAttorneyId, kind: 'power-of-attorney', askers: [expect.objectContaining({ department: 'mandates' })] });

    await verifyPowerOfAttorney(powerOfAttorneyId);
    await review(vault, anna.token, identityId, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'IDNL12345' } }, 0).expect(201);

    await eventually(async () => expect(await requestsOf(mother, mother.id)).toEqual([expect.objectContaining({ id: asked.body.id, status: 'satisfied', documentId: powerOfAttorneyId })]));
    const feed = await eventually(async () => {
      const page = await feedOf(mandates, feedStart);
      expect(page.entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'DocumentRequestSatisfied', customerId: mother.id, documentId: powerOfAttorneyId, requestId: asked.body.id })]));
      return page;
    });
    expect(feed.entries.every((entry: { customerId: string }) => entry.customerId === mother.id)).toBe(true);
    await rely(mandates, powerOfAttorneyId, 'Registering the mandate for the joint account', 'MND-2026-0412').expect(201);

    const evidence = await getAs(vault, investments.token, `/v1/customers/${mother.id}/evidence?kind=identity&purpose=Opening%20an%20investment%20account`).expect(200);
    expect(evidence.body).toEqual({ satisfied: true, documentId: identityId, type: 'id-card', validUntil: '2031-01-01', assurance: 'review', facts: expect.objectContaining({ documentNumber: 'IDNL12345' }) });
    expect(JSON.stringify(evidence.body)).not.toMatch(/sha256|blob|content/);
    const notAsked = await ask(investments, mother.id, 'identity', 'Opening an investment account').expect(200);
    expect(notAsked.body).toEqual({ status: 'satisfied', documentId: identityId });
    await rely(investments, identityId, 'Opening an investment account', 'INV-4471').expect(201);

    const mine = await getAs(vault, mother.token, '/v1/me/documents').expect(200);
    expect(mine.body.openRequests).toEqual([]);
    const byId = Object.fromEntries(mine.body.documents.map((document: { id: string }) => [document.id, document]));
    expect(byId[powerOfAttorneyId]).toMatchObject({ status: 'verified', references: [{ department: 'mandates', purpose: 'Registering the mandate for the joint account', since: expect.any(String) }] });
    expect(byId[identityId]).toMatchObject({ status: 'verified', references: [{ department: 'investments', purpose: 'Opening an investment account' }] });
    const history = await getAs(vault, mother.token, `/v1/documents/${powerOfAttorneyId}/history`).expect(200);
    expect(history.body.history.at(-1)).toMatchObject({ type: 'DocumentReferenced', summary: 'The mandates department relies on it: Registering the mandate for the joint account' });
  });

  describe('whatever the order things arrive in', () => {
    it('request, then upload, then verify', async () => {
      const customer = await vault.customer();
      const asked = await ask(mandates, customer.id, 'power-of-attorney').expect(201);
      const documentId = await uploadAtBranch(customer.id, 'notarial-power-of-attorney');
      await verifyPowerOfAttorney(documentId);
      await eventually(async () => expect(await requestsOf(mandates, customer.id)).toEqual([expect.objectContaining({ id: asked.body.id, status: 'satisfied', documentId })]));
    });

    it('upload, then request, then verify', async () => {
      const customer = await vault.customer();
      const documentId = await uploadAtBranch(customer.id, 'notarial-power-of-attorney');
      const asked = await ask(mandates, customer.id, 'power-of-attorney').expect(200);
      expect(asked.body).toMatchObject({ status: 'in_review', documentId });
      await verifyPowerOfAttorney(documentId);
      await eventually(async () => expect(await requestsOf(mandates, customer.id)).toEqual([expect.objectContaining({ id: asked.body.id, status: 'satisfied', documentId })]));
    });

    it('upload, then verify, then request: answered at once, and nothing reaches the customer', async () => {
      const customer = await vault.customer();
      const documentId = await uploadAtBranch(customer.id, 'notarial-power-of-attorney');
      await verifyPowerOfAttorney(documentId);
      const answer = await ask(mandates, customer.id, 'power-of-attorney').expect(200);
      expect(answer.body).toEqual({ status: 'satisfied', documentId });
      expect(await requestsOf(customer, customer.id)).toEqual([]);
    });

    it('two departments racing for the same kind share one ask to the customer', async () => {
      const customer = await vault.customer();
      const answers = await Promise.all([ask(mandates, customer.id, 'identity', 'Mandate'), ask(investments, customer.id, 'identity', 'Investment account')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
      expect(answers[0].body.id).toBe(answers[1].body.id);
      const mine = await getAs(vault, customer.token, '/v1/me/documents').expect(200);
      expect(mine.body.openRequests).toEqual([
        expect.objectContaining({ kind: 'identity', askers: expect.arrayContaining([expect.objectContaining({ department: 'mandates' }), expect.objectContaining({ department: 'investments' })]) }),
      ]);
    });
  });

  it('keeps an ask open after a rejected upload, showing the customer why, and marks it overdue past its date', async () => {
    const customer = await vault.customer();
    const dueBy = dueIn(10);
    await ask(mandates, customer.id, 'identity', 'Mandate', dueBy).expect(201);
    const documentId = await uploadAtBranch(customer.id, 'passport');
    await review(vault, anna.token, documentId, { decision: 'reject', reasonCode: 'EXPIRED', message: 'This passport expired. Please bring a valid one.' }, 0).expect(201);
    const today = vault.clock.now();
    vault.clock.advance(30 * 86_400_000);
    try {
      const mine = await getAs(vault, customer.token, '/v1/me/documents').expect(200);
      expect(mine.body.openRequests).toEqual([
        expect.objectContaining({ status: 'open', overdue: true, dueBy, lastRejection: expect.objectContaining({ documentId, reasonCode: 'EXPIRED', message: 'This passport expired. Please bring a valid one.' }) }),
      ]);
    } finally {
      vault.clock.set(today);
    }
  });

  it('refuses a withdrawal while a department relies on the document, naming it; support can still revoke, and the department is told', async () => {
    const customer = await vault.customer();
    const documentId = await uploadAtBranch(customer.id, 'notarial-power-of-attorney');
    await verifyPowerOfAttorney(documentId);
    const reference = await rely(mandates, documentId, 'Mandate', 'MND-1').expect(201);
    expect(reference.body).toEqual({ id: expect.any(String), department: 'mandates', purpose: 'Mandate', caseRef: 'MND-1', createdAt: expect.any(String) });
    const { headers } = await getAs(vault, customer.token, `/v1/documents/${documentId}`).expect(200);
    const refused = await vault.http().delete(`/v1/documents/${documentId}`).set('Authorization', `Bearer ${customer.token}`).set('If-Match', headers.etag);
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/mandates/);

    const feedStart = (await feedOf(mandates)).next;
    const support = { id: 'support-1', token: await vault.token('support-1', ['admin']) };
    expectProblem(await post(mandates, `/v1/documents/${documentId}/revocation`, { reason: 'Forged seal' }), 403);
    await post(support, `/v1/documents/${documentId}/revocation`, { reason: 'The notary reported the deed as forged.' }).expect(200);
    const feed = await feedOf(mandates, feedStart);
    expect(feed.entries).toEqual([expect.objectContaining({ type: 'DocumentRevoked', documentId, detail: expect.objectContaining({ reason: 'The notary reported the deed as forged.' }) })]);
    expect((await feedOf(investments, feedStart)).entries).toEqual([]);

    await (vault.app as INestApplication).get(ExpiryProcess).sweep();
    expect(await requestsOf(customer, customer.id)).toEqual([expect.objectContaining({ status: 'open', kind: 'power-of-attorney', askers: [expect.objectContaining({ department: 'mandates' })] })]);
  });

  it('asks for a replacement before a relied-on passport lapses, then tells the department when it expires', async () => {
    const customer = await vault.customer();
    const documentId = await uploadAtBranch(customer.id, 'passport');
    const lastValidDay = new Date(vault.clock.now().getTime() + 30 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    await review(vault, anna.token, documentId, { decision: 'approve', facts: { ...aPassportsFacts(), expiresOn: lastValidDay } }, 0).expect(201);
    await rely(investments, documentId, 'Investment account', 'INV-9').expect(201);
    const expiry = (vault.app as INestApplication).get(ExpiryProcess);
    await expiry.sweep();
    expect(await requestsOf(customer, customer.id)).toEqual([expect.objectContaining({ status: 'open', kind: 'identity', dueBy: lastValidDay, askers: [expect.objectContaining({ department: 'investments' })] })]);

    const feedStart = (await feedOf(investments)).next;
    vault.clock.advance(31 * 24 * 60 * 60_000);
    await expiry.sweep();
    expect((await feedOf(investments, feedStart)).entries).toEqual([expect.objectContaining({ type: 'DocumentExpired', documentId })]);

    const renewed = await uploadAtBranch(customer.id, 'passport');
    await review(vault, anna.token, renewed, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'NEW123456', expiresOn: '2036-06-01' } }, 0).expect(201);
    await eventually(async () => expect(await requestsOf(customer, customer.id)).toEqual([expect.objectContaining({ status: 'satisfied', documentId: renewed })]));
    vault.clock.set(new Date());
  });

  it('lets only the referencing department release its reference', async () => {
    const customer = await vault.customer();
    const documentId = await uploadAtBranch(customer.id, 'passport');
    await review(vault, anna.token, documentId, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
    const reference = await rely(investments, documentId, 'Account', 'INV-1').expect(201);
    const release = (who: Who) => vault.http().delete(`/v1/documents/${documentId}/references/${reference.body.id}`).set('Authorization', `Bearer ${who.token}`);
    expectProblem(await release(mandates), 404);
    await release(investments).expect(200);
    expectProblem(await release(investments), 404);
    const pending = await uploadAtBranch(customer.id, 'id-card');
    expectProblem(await rely(investments, pending, 'Account', 'INV-2'), 409);
  });

  it('answers an unknown customer as simply not satisfied, and records every evidence query', async () => {
    const answer = await getAs(vault, investments.token, '/v1/customers/C-nobody-at-all/evidence?kind=identity').expect(200);
    expect(answer.body).toEqual({ satisfied: false });
    const kinds = await getAs(vault, investments.token, '/v1/customers/C-nobody-at-all/evidence?kind=gossip');
    expectProblem(kinds, 400);
    expect(kinds.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });
});
