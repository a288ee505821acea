import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, getAs, upload } from '../../../../../test/support/vault-requests';

describe('withdrawing a document', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const withdraw = (token: string, documentId: string, ifMatch?: string) => {
    const call = vault.http().delete(`/v1/documents/${documentId}`).set('Authorization', `Bearer ${token}`);
    return ifMatch === undefined ? call : call.set('If-Match', ifMatch);
  };

  it('withdraws at the revision the customer saw, and keeps it in the history', async () => {
    const maria = await vault.customer();
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    expectProblem(await withdraw(maria.token, body.id), 428);
    expectProblem(await withdraw(maria.token, body.id, '"5"'), 412);
    const withdrawn = await withdraw(maria.token, body.id, '"0"').expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', revision: 1 });
    expect(withdrawn.headers.etag).toBe('"1"');
    expectProblem(await withdraw(maria.token, body.id, '"1"'), 409);
    const history = await getAs(vault, maria.token, `/v1/documents/${body.id}/history`).expect(200);
    expect(history.body.history.map((entry: { type: string }) => entry.type)).toEqual(['DocumentSubmitted', 'DocumentWithdrawn']);
  });

  it('accepts the same bytes again after a withdrawal, as a new document', async () => {
    const maria = await vault.customer();
    const pdf = aPdf();
    const first = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
    await withdraw(maria.token, first.body.id, '"0"').expect(200);
    const again = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('answers 403 to a department', async () => {
    const maria = await vault.customer();
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    const mortgages = await vault.department('mortgages', ['evidence:read', 'content:read', 'documents:write']);
    expectProblem(await withdraw(mortgages.token, body.id, '"0"'), 403);
  });
});
