import { aPdf } from '../support/files';
import { removeDataDir, startVault } from '../support/vault-harness';
import { binary, getAs, passportFacts, review, upload } from '../support/vault-requests';

describe('stopping and starting the vault', () => {
  it('keeps every document, review and file, and the read model carries on', async () => {
    let vault = await startVault();
    try {
      const maria = await vault.customer();
      const anna = await vault.reviewer('anna');
      const pdf = aPdf();
      const { body } = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
      await review(vault, anna.token, body.id, { decision: 'approve', facts: passportFacts }, 0).expect(201);
      const before = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);

      vault = await vault.restart();

      const after = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
      expect(after.body).toEqual(before.body);
      const document = await getAs(vault, maria.token, `/v1/documents/${body.id}`).expect(200);
      expect(document.body).toMatchObject({ status: 'verified', revision: 2, facts: passportFacts });
      const content = await binary(getAs(vault, maria.token, `/v1/documents/${body.id}/content`)).expect(200);
      expect(Buffer.compare(content.body as Buffer, pdf)).toBe(0);
      vault.clock.advance(60_000);
      const second = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'id-card' }).expect(201);
      const list = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
      expect(list.body.documents.map((entry: { id: string }) => entry.id)).toEqual([second.body.id, body.id]);
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });
});
