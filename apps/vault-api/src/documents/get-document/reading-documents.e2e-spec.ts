import { createHash } from 'node:crypto';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { binary, expectProblem, getAs, passportFacts, review, upload } from '../../../../../test/support/vault-requests';

describe("reading a customer's documents", () => {
  let vault: VaultUnderTest;
  let maria: { id: string; token: string };
  let documentId: string;
  const pdf = aPdf();

  beforeAll(async () => {
    vault = await startVault();
    maria = await vault.customer();
    const uploaded = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport', filename: 'paspoort maria.pdf' }).expect(201);
    documentId = uploaded.body.id;
    const anna = await vault.reviewer('anna');
    await review(vault, anna.token, documentId, { decision: 'approve', facts: passportFacts }, 0).expect(201);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('lets the customer list, read, download and trace their document', async () => {
    const list = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
    expect(list.body.documents).toEqual([expect.objectContaining({ id: documentId, status: 'verified', type: 'passport' })]);

    const document = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
    expect(document.headers.etag).toBe('"2"');
    expect(document.body).toMatchObject({ id: documentId, customerId: maria.id, status: 'verified', revision: 2 });

    const content = await binary(getAs(vault, maria.token, `/v1/documents/${documentId}/content`)).expect(200);
    expect(Buffer.compare(content.body as Buffer, pdf)).toBe(0);
    expect(content.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="paspoort maria.pdf"; filename*=UTF-8''paspoort%20maria.pdf`,
    });
    expect(createHash('sha256').update(content.body as Buffer).digest('hex')).toBe(document.body.file.sha256);

    const history = await getAs(vault, maria.token, `/v1/documents/${documentId}/history`).expect(200);
    expect(history.body.history).toEqual([
      expect.objectContaining({ type: 'DocumentSubmitted', by: 'you', summary: 'Received online as a passport' }),
      expect.objectContaining({ type: 'DocumentReviewed', by: 'a reviewer', summary: 'Approved by a reviewer' }),
      expect.objectContaining({ type: 'DocumentVerified', summary: 'Verified, valid until 2031-01-01' }),
    ]);
  });

  it('shows staff the names of the reviewers', async () => {
    const bram = await vault.reviewer('bram');
    const history = await getAs(vault, bram.token, `/v1/documents/${documentId}/history`).expect(200);
    expect(history.body.history[1]).toMatchObject({ by: 'anna', summary: 'Approved by anna' });
    expect(history.body.history[0]).toMatchObject({ by: maria.id });
  });

  it('answers 404 to another customer on every path, revealing nothing', async () => {
    const jan = await vault.customer();
    for (const path of [
      `/v1/customers/${maria.id}/documents`,
      `/v1/documents/${documentId}`,
      `/v1/documents/${documentId}/content`,
      `/v1/documents/${documentId}/history`,
    ]) {
      const response = await getAs(vault, jan.token, path);
      expectProblem(response, 404, vault);
      expect(response.text).not.toContain(maria.id);
    }
    const withdraw = await vault.http().delete(`/v1/documents/${documentId}`).set('Authorization', `Bearer ${jan.token}`).set('If-Match', '"2"');
    expectProblem(withdraw, 404);
  });

  it('answers the same 404 for a document that does not exist', async () => {
    const response = await getAs(vault, maria.token, '/v1/documents/00000000-0000-4000-8000-000000000000');
    expectProblem(response, 404);
  });

  it('answers 401 without a token, or with a token signed by someone else', async () => {
    expectProblem(await vault.http().get(`/v1/documents/${documentId}`), 401);
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJDLTEiLCJyb2xlcyI6WyJjdXN0b21lciJdfQ.';
    expectProblem(await getAs(vault, forged, `/v1/documents/${documentId}`), 401);
  });

  it('lets a department with evidence:read list and read, but not download', async () => {
    const mortgages = await vault.department('mortgages', ['evidence:read']);
    await getAs(vault, mortgages.token, `/v1/customers/${maria.id}/documents`).expect(200);
    const document = await getAs(vault, mortgages.token, `/v1/documents/${documentId}`).expect(200);
    expect(document.body.reviews[0].by).toBe('anna');
    expectProblem(await getAs(vault, mortgages.token, `/v1/documents/${documentId}/content?purpose=mortgage%20KYC`), 403);
    expectProblem(await getAs(vault, mortgages.token, `/v1/documents/${documentId}/history`), 403);
  });

  it('lets a department download only the types its policy allows, and only with a stated purpose', async () => {
    const mandates = await vault.department('mandates', ['evidence:read', 'content:read']);
    expectProblem(await getAs(vault, mandates.token, `/v1/documents/${documentId}/content?purpose=KYC`), 403);
    const poa = aPdf();
    const uploaded = await upload(vault, maria.token, maria.id, { file: poa, type: 'notarial-power-of-attorney' }).expect(201);
    const noPurpose = await getAs(vault, mandates.token, `/v1/documents/${uploaded.body.id}/content`);
    expectProblem(noPurpose, 400);
    expect(noPurpose.body.errors).toEqual([expect.objectContaining({ field: 'purpose' })]);
    const content = await binary(getAs(vault, mandates.token, `/v1/documents/${uploaded.body.id}/content?purpose=Mandate%20registration%20M-77`)).expect(200);
    expect(Buffer.compare(content.body as Buffer, poa)).toBe(0);
  });

  it('hides the types outside a department policy as if they did not exist', async () => {
    const deed = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'notarial-deed' }).expect(201);
    const investments = await vault.department('investments', ['evidence:read', 'content:read']);
    expectProblem(await getAs(vault, investments.token, `/v1/documents/${deed.body.id}`), 404);
    const list = await getAs(vault, investments.token, `/v1/customers/${maria.id}/documents`).expect(200);
    expect(list.body.documents.map((document: { type: string }) => document.type)).not.toContain('notarial-deed');
    expect(list.body.documents.map((document: { id: string }) => document.id)).toContain(documentId);
    const marketing = await vault.department('marketing', ['evidence:read']);
    expectProblem(await getAs(vault, marketing.token, `/v1/documents/${documentId}`), 403);
  });

  it('answers 403 to a department without evidence:read, and 400 to a malformed id', async () => {
    const payments = await vault.department('payments', ['requests:write']);
    expectProblem(await getAs(vault, payments.token, `/v1/documents/${documentId}`), 403);
    expectProblem(await getAs(vault, maria.token, '/v1/documents/not-a-uuid'), 400);
  });

  it('keeps the review queue and /me from the wrong roles', async () => {
    const mortgages = await vault.department('mortgages', ['evidence:read']);
    expectProblem(await getAs(vault, mortgages.token, '/v1/me/documents'), 403);
    expectProblem(await getAs(vault, mortgages.token, '/v1/review-queue'), 403);
  });
});
