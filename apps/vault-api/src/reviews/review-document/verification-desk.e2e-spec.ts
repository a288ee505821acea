import type { INestApplication } from '@nestjs/common';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, passportFacts, powerOfAttorneyFacts, review, upload } from '../../../../../test/support/vault-requests';
import { ExpiryProcess } from '../../expiry/expiry.process';

// The ICAO 9303 specimen passport (Part 4) and ID card (Part 5).
// The ICAO 9303 specimens (ERIKSSON, ANNA MARIA), reissued to expire on 2034-04-15: the printed ones expired in 2012.
const specimenPassport = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159ZE184226B<<<<<16'];
const specimenCard = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F3404159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const printedSpecimenPassport = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('the verification desk', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_REVIEW_CLAIM_MINUTES: '30' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const onFile = async (type: string) => {
    const maria = await vault.customer();
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type }).expect(201);
    return { maria, documentId: body.id as string };
  };

  describe('machine-readable zones', () => {
    it('verifies a passport from its MRZ alone, filling in the facts', async () => {
      const { documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const approved = await review(vault, anna.token, documentId, { decision: 'approve', mrz: specimenPassport }, 0).expect(201);
      expect(approved.body).toMatchObject({
        status: 'verified',
        facts: { documentNumber: 'L898902C3', issuingCountry: 'UTO', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' },
      });
    });

    it('refuses an expired passport with 409 naming its expiry, and leaves it waiting for review', async () => {
      const { maria, documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const response = await review(vault, anna.token, documentId, { decision: 'approve', mrz: printedSpecimenPassport }, 0);
      expectProblem(response, 409);
      expect(response.body).toMatchObject({ code: 'DOCUMENT.EXPIRED', errors: [{ field: 'facts.expiresOn' }] });
      expect((await getAs(vault, maria.token, `/v1/documents/${documentId}`)).body).toMatchObject({ status: 'pending_review', revision: 0 });
    });

    it('verifies an ID card whose typed facts agree with its MRZ', async () => {
      const { documentId } = await onFile('id-card');
      const anna = await vault.reviewer('anna');
      const facts = { documentNumber: 'D23145890', issuingCountry: 'UTO', holderName: 'Anna Maria Eriksson', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' };
      await review(vault, anna.token, documentId, { decision: 'approve', facts, mrz: specimenCard }, 0).expect(201);
    });

    it('refuses a corrupted check digit with 400 naming the field, and changes nothing', async () => {
      const { maria, documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const corrupted = [specimenPassport[0], specimenPassport[1].replace('L898902C36', 'L898902C37')];
      const response = await review(vault, anna.token, documentId, { decision: 'approve', mrz: corrupted }, 0);
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['mrz.documentNumber', 'mrz.composite']);
      expect((await getAs(vault, maria.token, `/v1/documents/${documentId}`)).body).toMatchObject({ status: 'pending_review', revision: 0 });
    });

    it('refuses typed facts that disagree with the MRZ, naming them', async () => {
      const { documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const response = await review(vault, anna.token, documentId, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'L898902C3' }, mrz: specimenPassport }, 0);
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['facts.issuingCountry', 'facts.holderName', 'facts.expiresOn']);
    });

    it('refuses an MRZ on a document type that has none', async () => {
      const { documentId } = await onFile('notarial-deed');
      const anna = await vault.reviewer('anna');
      const response = await review(vault, anna.token, documentId, { decision: 'approve', facts: powerOfAttorneyFacts, mrz: specimenPassport }, 0);
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'mrz' })]);
    });
  });

  describe('claiming work', () => {
    const claim = (token: string, documentId: string) => vault.http().post(`/v1/documents/${documentId}/claim`).set('Authorization', `Bearer ${token}`);
    const release = (token: string, documentId: string) => vault.http().delete(`/v1/documents/${documentId}/claim`).set('Authorization', `Bearer ${token}`);

    it('keeps a claimed document from other reviewers until it is released or the lease runs out', async () => {
      const { documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const bram = await vault.reviewer('bram');
      const claimed = await claim(anna.token, documentId).expect(200);
      expect(claimed.body.claim).toEqual({ by: 'anna', until: new Date(vault.clock.now().getTime() + 30 * 60_000).toISOString() });
      const queue = await getAs(vault, bram.token, '/v1/review-queue?limit=500').expect(200);
      expect(queue.body.items.find((item: { id: string }) => item.id === documentId)).toMatchObject({ claimedBy: 'anna' });

      const refused = await claim(bram.token, documentId);
      expectProblem(refused, 409);
      expect(refused.body.detail).toMatch(/anna/);
      expectProblem(await review(vault, bram.token, documentId, { decision: 'approve', facts: passportFacts }, claimed.body.revision), 409);

      await release(anna.token, documentId).expect(200);
      const taken = await claim(bram.token, documentId).expect(200);
      vault.clock.advance(31 * 60_000);
      const afterLease = await getAs(vault, anna.token, '/v1/review-queue?limit=500').expect(200);
      expect(afterLease.body.items.find((item: { id: string }) => item.id === documentId)).toMatchObject({ claimedBy: null });
      await review(vault, anna.token, documentId, { decision: 'approve', facts: aPassportsFacts() }, taken.body.revision).expect(201);
    });

    it('answers 403 to a customer who tries to claim', async () => {
      const { maria, documentId } = await onFile('passport');
      expectProblem(await claim(maria.token, documentId), 403);
    });
  });

  describe('four-eyes on a notarial power of attorney brought to the branch', () => {
    it('walks it through two reviewers, refusing the uploader, a stale revision and a repeat approval', async () => {
      const maria = await vault.customer();
      const anna = await vault.reviewer('anna');
      const bram = await vault.reviewer('bram');
      const carla = await vault.reviewer('carla');
      const { body } = await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney' }).expect(201);
      expectProblem(await review(vault, carla.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 0), 409);
      const first = await review(vault, anna.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 0).expect(201);
      expect(first.body.status).toBe('awaiting_second_review');
      expectProblem(await review(vault, bram.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 0), 412);
      expectProblem(await review(vault, anna.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 1), 409);
      const queue = await getAs(vault, bram.token, '/v1/review-queue?limit=500').expect(200);
      expect(queue.body.items.find((item: { id: string }) => item.id === body.id)).toMatchObject({ status: 'awaiting_second_review', firstApprovalBy: 'anna' });
      const second = await review(vault, bram.token, body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 1).expect(201);
      expect(second.body.status).toBe('verified');
      const history = await getAs(vault, maria.token, `/v1/documents/${body.id}/history`).expect(200);
      expect(history.body.history.map((entry: { summary: string }) => entry.summary)).toEqual([
        'Received by branch as a notarial power of attorney',
        'Approved by a reviewer',
        'Approved by a reviewer',
        'Verified',
      ]);
    });

    it('lets exactly one of two reviewers racing for the second approval win', async () => {
      const anna = await vault.reviewer('anna');
      const bram = await vault.reviewer('bram');
      const carla = await vault.reviewer('carla');
      for (let race = 0; race < 25; race += 1) {
        const { documentId } = await onFile('notarial-power-of-attorney');
        await review(vault, anna.token, documentId, { decision: 'approve', facts: powerOfAttorneyFacts }, 0).expect(201);
        const answers = await Promise.all([
          review(vault, bram.token, documentId, { decision: 'approve', facts: powerOfAttorneyFacts }, 1),
          review(vault, carla.token, documentId, { decision: 'reject', reasonCode: 'FORGED', message: 'The seal does not match.' }, 1),
        ]);
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses[0]).toBe(201);
        expect([409, 412]).toContain(statuses[1]);
      }
    });
  });

  describe('the SLA, made impossible to hide', () => {
    it('counts waiting and overdue documents on /metrics', async () => {
      const scrape = async () => (await vault.http().get('/metrics').expect(200)).text;
      const count = (text: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
      const before = await scrape();
      await onFile('passport');
      vault.clock.advance(8 * 24 * 60 * 60_000);
      const after = await scrape();
      expect(count(after, 'kluis_review_queue_documents')).toBe(count(before, 'kluis_review_queue_documents') + 1);
      expect(count(after, 'kluis_review_overdue_documents')).toBeGreaterThan(count(before, 'kluis_review_overdue_documents'));
      expect(count(after, 'kluis_review_overdue_documents')).toBe(count(after, 'kluis_review_queue_documents'));
    });
  });

  describe('expiry', () => {
    it('shows a document as expiring soon, then expires it when its validity ends, keeping it on file', async () => {
      const { maria, documentId } = await onFile('passport');
      const anna = await vault.reviewer('anna');
      const validUntil = new Date(vault.clock.now().getTime() + 90 * 24 * 60 * 60_000).toISOString().slice(0, 10);
      await review(vault, anna.token, documentId, { decision: 'approve', facts: { ...aPassportsFacts(), expiresOn: validUntil } }, 0).expect(201);
      const expiry = (vault.app as INestApplication).get(ExpiryProcess);

      let mine = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
      expect(mine.body.documents[0]).toMatchObject({ status: 'verified', expiringSoon: false });

      vault.clock.advance(45 * 24 * 60 * 60_000);
      mine = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
      expect(mine.body.documents[0]).toMatchObject({ status: 'verified', expiringSoon: true });
      const mortgages = await vault.department('mortgages', ['evidence:read']);
      const soon = await getAs(vault, mortgages.token, `/v1/customers/${maria.id}/documents?expiringSoon=true`).expect(200);
      expect(soon.body.documents.map((document: { id: string }) => document.id)).toEqual([documentId]);

      await expiry.sweep();
      expect((await getAs(vault, maria.token, `/v1/documents/${documentId}`)).body.status).toBe('verified');

      vault.clock.advance(46 * 24 * 60 * 60_000);
      await expiry.sweep();
      await expiry.sweep();
      const expired = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
      expect(expired.body).toMatchObject({ status: 'expired', expiresOn: validUntil, revision: 3 });
      mine = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
      expect(mine.body.documents[0]).toMatchObject({ id: documentId, status: 'expired', expiringSoon: false });
      const history = await getAs(vault, maria.token, `/v1/documents/${documentId}/history`).expect(200);
      expect(history.body.history.at(-1)).toMatchObject({ type: 'DocumentExpired', by: 'Kluis' });
    });
  });
});
