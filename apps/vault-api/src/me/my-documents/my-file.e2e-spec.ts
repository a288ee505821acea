import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, binary, getAs, review, upload } from '../../../../../test/support/vault-requests';

/** The customer reads her own file: which file she sent, by when the bank will have checked it, and what it read. */
describe('what is on file for me', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const mine = async (token: string) => (await getAs(vault, token, '/v1/me/documents').expect(200)).body.documents;

  it('shows the review date while a document is checked, then the facts read from it, and lets her download that one file', async () => {
    const maria = await vault.customer();
    const anna = await vault.reviewer();
    const pdf = aPdf();
    const sent = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport', filename: 'paspoort-maria.pdf' }).expect(201);

    const [waiting] = await mine(maria.token);
    expect(waiting).toMatchObject({ id: sent.body.id, status: 'pending_review', reviewDueAt: sent.body.reviewDueAt, facts: null, file: expect.objectContaining({ filename: 'paspoort-maria.pdf' }) });
    expect(Date.parse(waiting.reviewDueAt)).toBeGreaterThan(Date.parse(waiting.submittedAt));

    const facts = aPassportsFacts();
    await review(vault, anna.token, sent.body.id, { decision: 'approve', facts }, 0).expect(201);
    const [verified] = await mine(maria.token);
    expect(verified).toMatchObject({ status: 'verified', reviewDueAt: null, facts, file: expect.objectContaining({ filename: 'paspoort-maria.pdf' }) });

    const download = await binary(getAs(vault, maria.token, `/v1/documents/${sent.body.id}/content`)).expect(200);
    expect(Buffer.compare(download.body, pdf)).toBe(0);
  });
});
