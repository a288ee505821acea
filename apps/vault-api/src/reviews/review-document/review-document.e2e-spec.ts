import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, passportFacts, powerOfAttorneyFacts, review, upload } from '../../../../../test/support/vault-requests';

describe('verifying documents at the back office', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const aPassportOnFile = async () => {
    const maria = await vault.customer();
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    return { maria, documentId: body.id as string };
  };

  it('verifies a passport with one approval and the facts read from it', async () => {
    const { maria, documentId } = await aPassportOnFile();
    const anna = await vault.reviewer('anna');
    const approved = await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts }, 0).expect(201);
    expect(approved.body).toMatchObject({ status: 'verified', facts: passportFacts, expiresOn: '2031-01-01', revision: 2 });
    expect(approved.headers.etag).toBe('"2"');
    const seen = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
    expect(seen.body).toMatchObject({ status: 'verified', reviews: [{ decision: 'approve', by: 'a reviewer' }] });
    const mine = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
    expect(mine.body.documents).toEqual([expect.objectContaining({ id: documentId, status: 'verified', expiresOn: '2031-01-01' })]);
  });

  it('rejects a document with a reason the customer reads', async () => {
    const { maria, documentId } = await aPassportOnFile();
    const anna = await vault.reviewer('anna');
    const message = 'The photo page is cut off. Please upload a scan of the whole page.';
    await review(vault, anna.token, documentId, { decision: 'reject', reasonCode: 'INCOMPLETE', message }, 0).expect(201);
    const seen = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
    expect(seen.body.documents[0]).toMatchObject({ status: 'rejected', rejection: { reasonCode: 'INCOMPLETE', message } });
  });

  it('needs two different reviewers for a notarial power of attorney', async () => {
    const maria = await vault.customer();
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney' }).expect(201);
    const anna = await vault.reviewer('anna');
    const bram = await vault.reviewer('bram');
    const first = await review(vault, anna.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 0).expect(201);
    expect(first.body.status).toBe('awaiting_second_review');
    expectProblem(await review(vault, anna.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 1), 409);
    const differing = await review(vault, bram.token, body.id, { decision: 'approve', facts: { ...powerOfAttorneyFacts, scope: 'Savings only' } }, 1);
    expectProblem(differing, 409);
    expect(differing.body.errors).toEqual([expect.objectContaining({ field: 'facts.scope' })]);
    const second = await review(vault, bram.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 1).expect(201);
    expect(second.body).toMatchObject({ status: 'verified', reviews: [{ by: 'anna' }, { by: 'bram' }] });
  });

  it('lists waiting documents oldest first with their due date, and drops them once reviewed', async () => {
    const anna = await vault.reviewer('anna');
    const older = await aPassportOnFile();
    vault.clock.advance(60_000);
    const newer = await aPassportOnFile();
    const queue = await getAs(vault, anna.token, '/v1/review-queue?limit=500').expect(200);
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(older.documentId)).toBeLessThan(ids.indexOf(newer.documentId));
    const item = queue.body.items.find((entry: { id: string }) => entry.id === older.documentId);
    expect(item).toMatchObject({ status: 'pending_review', overdue: false, dueAt: expect.any(String), waitingMinutes: expect.any(Number) });
    expect(item).not.toHaveProperty('facts');
    await review(vault, anna.token, older.documentId, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
    const after = await getAs(vault, anna.token, '/v1/review-queue?limit=500').expect(200);
    expect(after.body.items.map((entry: { id: string }) => entry.id)).not.toContain(older.documentId);
  });

  it('marks a document overdue after five business days', async () => {
    const anna = await vault.reviewer('anna');
    vault.clock.set('2026-11-06T10:00:00Z');
    const { documentId } = await aPassportOnFile();
    vault.clock.set('2026-11-13T09:59:00Z');
    let queue = await getAs(vault, anna.token, '/v1/review-queue?overdue=true&limit=500').expect(200);
    expect(queue.body.items.map((entry: { id: string }) => entry.id)).not.toContain(documentId);
    vault.clock.set('2026-11-13T10:01:00Z');
    queue = await getAs(vault, anna.token, '/v1/review-queue?overdue=true&limit=500').expect(200);
    expect(queue.body.items.find((entry: { id: string }) => entry.id === documentId)).toMatchObject({ overdue: true, dueAt: '2026-11-13T10:00:00.000Z' });
    vault.clock.set(new Date());
  });

  describe('refusals', () => {
    it('requires If-Match (428), refuses a stale one (412) and a malformed one (400), changing nothing', async () => {
      const { maria, documentId } = await aPassportOnFile();
      const anna = await vault.reviewer('anna');
      expectProblem(await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts }), 428);
      expectProblem(await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts }, 7), 412);
      expectProblem(await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts }, 'garbage'), 400);
      const seen = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'pending_review', revision: 0 });
    });

    it('validates the body first: a malformed review is 400 whatever its If-Match', async () => {
      const { documentId } = await aPassportOnFile();
      const anna = await vault.reviewer('anna');
      const noReason = await review(vault, anna.token, documentId, { decision: 'reject' }, 99);
      expectProblem(noReason, 400);
      expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['reasonCode', 'message']));
      const badDate = await review(vault, anna.token, documentId, { decision: 'approve', facts: { ...passportFacts, dateOfBirth: '12-08-1974' } });
      expectProblem(badDate, 400);
      expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'facts.dateOfBirth' })]);
      expectProblem(await review(vault, anna.token, documentId, { decision: 'maybe' }, 0), 400);
      expectProblem(await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts, sneaky: true }, 0), 400);
    });

    it('names the facts an approval is missing', async () => {
      const { documentId } = await aPassportOnFile();
      const anna = await vault.reviewer('anna');
      const response = await review(vault, anna.token, documentId, { decision: 'approve', facts: { holderName: 'Maria de Vries' } }, 0);
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['facts.documentNumber', 'facts.issuingCountry', 'facts.dateOfBirth', 'facts.expiresOn']);
    });

    it('refuses an approval after a rejection with 409', async () => {
      const { documentId } = await aPassportOnFile();
      const anna = await vault.reviewer('anna');
      const bram = await vault.reviewer('bram');
      await review(vault, anna.token, documentId, { decision: 'reject', reasonCode: 'ILLEGIBLE', message: 'Too blurry.' }, 0).expect(201);
      expectProblem(await review(vault, bram.token, documentId, { decision: 'approve', facts: passportFacts }, 2), 409);
    });

    it('refuses a reviewer reviewing their own branch upload with 409', async () => {
      const maria = await vault.customer();
      const anna = await vault.reviewer('anna');
      const { body } = await upload(vault, anna.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
      expectProblem(await review(vault, anna.token, body.id, { decision: 'approve', facts: passportFacts }, 0), 409);
    });

    it('answers 403 to anyone but a reviewer, and 404 for a document that does not exist', async () => {
      const { maria, documentId } = await aPassportOnFile();
      const department = await vault.department('mandates', ['evidence:read', 'content:read']);
      expectProblem(await review(vault, maria.token, documentId, { decision: 'approve', facts: passportFacts }, 0), 403);
      expectProblem(await review(vault, department.token, documentId, { decision: 'approve', facts: passportFacts }, 0), 403);
      expectProblem(await getAs(vault, maria.token, '/v1/review-queue'), 403);
      const anna = await vault.reviewer('anna');
      expectProblem(await review(vault, anna.token, '00000000-0000-4000-8000-000000000000', { decision: 'approve', facts: passportFacts }, 0), 404);
    });
  });
});
