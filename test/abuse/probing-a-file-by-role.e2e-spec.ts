import { randomUUID } from 'node:crypto';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, upload } from '../support/vault-requests';

/**
 * Someone whose role or scope may never read a customer's file is refused before the vault looks anything up, so
 * the answer is the same for a document that exists and one that does not. The customer still sees the attempt.
 */
describe("probing a customer's file with a role that may not read it", () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const refusals = async (token: string) =>
    (await getAs(vault, token, '/v1/me/access-log').expect(200)).body.entries.filter((entry: { type: string }) => entry.type === 'AccessDenied');

  it('answers the same 403 for a document that exists and one that does not', async () => {
    const maria = await vault.customer();
    const support = await vault.token(`support-${randomUUID()}`, ['admin']);
    const passport = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);

    const existing = await getAs(vault, support, `/v1/documents/${passport.body.id}/history`);
    const invented = await getAs(vault, support, `/v1/documents/${randomUUID()}/history`);
    expectProblem(existing, 403);
    const answer = ({ body: { status, code, title, detail } }: typeof existing) => ({ status, code, title, detail });
    expect(answer(invented)).toEqual(answer(existing));
  });

  it("writes the refused attempt to the customer's access record, as when it was decided on the loaded file", async () => {
    const maria = await vault.customer();
    const support = await vault.token(`support-${randomUUID()}`, ['admin']);
    const desk = await vault.department('payments', []);
    const passport = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);

    expectProblem(await getAs(vault, support, `/v1/documents/${passport.body.id}`), 403);
    expectProblem(await getAs(vault, desk.token, `/v1/customers/${maria.id}/documents`), 403);

    const entries = await eventually(async () => {
      const found = await refusals(maria.token);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who: 'support', documentId: passport.body.id }),
        expect.objectContaining({ who: 'the payments department', documentId: null }),
      ]),
    );
  });
});
