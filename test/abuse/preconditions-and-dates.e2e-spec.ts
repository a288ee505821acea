import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { passportFacts, review, upload } from '../support/vault-requests';

/**
 * Preconditions, dates and positions that look right at a glance: `*` for any current version, weak or malformed
 * entity tags, days that do not exist, and stream positions past what a JavaScript number holds exactly.
 */
describe('preconditions, dates and positions', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });

  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  function expectField(response: Response, status: number, field: string): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.text).errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  async function pendingPassport() {
    const customer = await vault.customer();
    const uploaded = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    return { customer, documentId: uploaded.body.id as string };
  }

  const withdraw = (token: string, documentId: string, ifMatch: string) =>
    vault.http().delete(`/v1/documents/${documentId}`).set('Authorization', `Bearer ${token}`).set('If-Match', ifMatch);

  describe('If-Match', () => {
    it('takes * as any current version', async () => {
      const { documentId } = await pendingPassport();
      const reviewer = await vault.reviewer();
      const approved = await review(vault, reviewer.token, documentId, { decision: 'approve', facts: passportFacts }, '*').expect(201);
      expect(approved.body).toMatchObject({ status: 'verified' });
    });

    it('still answers 404 to * for a document that is not there', async () => {
      const customer = await vault.customer();
      expect((await withdraw(customer.token, randomUUID(), '*')).status).toBe(404);
    });

    it('never matches a weak validator on a write, and changes nothing', async () => {
      const { customer, documentId } = await pendingPassport();
      expect((await withdraw(customer.token, documentId, 'W/"0"')).status).toBe(412);
      const seen = await vault.http().get(`/v1/documents/${documentId}`).set('Authorization', `Bearer ${customer.token}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'pending_review', revision: 0 });
    });

    it.each(['0', '"0", "1"', '"abc"', '""', '"0'])('refuses the malformed validator %s with 400', async (ifMatch) => {
      const { customer, documentId } = await pendingPassport();
      expectField(await withdraw(customer.token, documentId, ifMatch), 400, 'If-Match');
    });
  });

  describe('dates', () => {
    it('refuses facts read with a day that does not exist', async () => {
      const { documentId } = await pendingPassport();
      const reviewer = await vault.reviewer();
      const facts = { ...passportFacts, dateOfBirth: '1974-02-31', expiresOn: '2031-02-29' };
      const refused = await review(vault, reviewer.token, documentId, { decision: 'approve', facts }, 0);
      expectField(refused, 400, 'facts.dateOfBirth');
      expectField(refused, 400, 'facts.expiresOn');
    });

    it('refuses a document request due on 2026-02-30', async () => {
      const customer = await vault.customer();
      const mandates = await vault.department('mandates', ['requests:write', 'evidence:read']);
      const refused = await vault
        .http()
        .post(`/v1/customers/${customer.id}/document-requests`)
        .set('Authorization', `Bearer ${mandates.token}`)
        .send({ kind: 'identity', purpose: 'Opening an investment account', dueBy: '2026-02-30' });
      expectField(refused, 400, 'dueBy');
    });

    it('refuses a relationship that ended on 2026-02-31', async () => {
      const customer = await vault.customer();
      const admin = await vault.token(`admin-${randomUUID()}`, ['admin']);
      const refused = await vault
        .http()
        .post(`/v1/customers/${customer.id}/relationship/end`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ endedOn: '2026-02-31' });
      expectField(refused, 400, 'endedOn');
    });
  });

  describe('positions', () => {
    it.each(['9007199254740992', '9007199254740993', '99999999999999999999'])('refuses to read the feed after %s', async (after) => {
      const mandates = await vault.department('mandates', ['evidence:read']);
      expectField(await vault.http().get(`/v1/feed?after=${after}`).set('Authorization', `Bearer ${mandates.token}`), 400, 'after');
    });

    it('still reads the feed after the largest exact position', async () => {
      const mandates = await vault.department('mandates', ['evidence:read']);
      await vault.http().get('/v1/feed?after=9007199254740991').set('Authorization', `Bearer ${mandates.token}`).expect(200);
    });
  });
});
