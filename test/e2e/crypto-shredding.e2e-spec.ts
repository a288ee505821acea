import { BLOB_STORE, BlobLockedError, type BlobStore } from '@kluis/blob-store';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { customerRetentionAggregate } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { RetentionProcess } from '../../apps/vault-api/src/retention/retention.process';
import { CustomerRetentionService } from '../../apps/vault-api/src/retention/customer-retention.service';
import { CommandPipeline } from '../../apps/vault-api/src/shared/event-sourcing/command-pipeline';
import { systemMetadata } from '../../apps/vault-api/src/shared/event-sourcing/system-metadata';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, passportFacts, review, upload } from '../support/vault-requests';

const DAY_MS = 24 * 60 * 60 * 1000;
const facts = { ...passportFacts, expiresOn: '2045-01-01' };
const personal = [facts.holderName, facts.documentNumber, facts.dateOfBirth, 'maria-passport'];

/**
 * The retention story end to end: the law keeps a customer's records for five years after the relationship ends,
 * a legal hold keeps them longer, and then the customer's key is destroyed. Their files and personal fields are
 * unreadable everywhere, while the history keeps its shape.
 */
describe('retention, legal hold and erasure by crypto-shredding', () => {
  let vault: VaultUnderTest;
  let admin: string;
  let anna: { id: string; token: string };
  let mandates: { id: string; token: string };

  beforeAll(async () => {
    vault = await startVault();
    admin = await vault.token(`support-${randomUUID()}`, ['admin']);
    anna = await vault.reviewer();
    mandates = await vault.department('mandates', ['evidence:read', 'content:read', 'references:write']);
  });
  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  const asAdmin = (method: 'post' | 'get' | 'delete', path: string) => vault.http()[method](path).set('Authorization', `Bearer ${admin}`);
  const today = () => vault.clock.now().toISOString().slice(0, 10);
  const sweep = () => vault.app.get(RetentionProcess).sweep();
  const keys = () => vault.app.get<KeyVault>(KEY_VAULT);
  const blobs = () => vault.app.get<BlobStore>(BLOB_STORE);
  const blobKeyOf = async (documentId: string) => {
    const stream = await vault.app.get<EventStore>(EVENT_STORE).readStream(`document-${documentId}`);
    return (stream.events[0].data as { file: { blobKey: string } }).file.blobKey;
  };
  const exportOf = (token: string) => getAs(vault, token, '/v1/me/export?format=json').expect(200);

  /** Each customer's passport has a number of its own: one number is verified for one customer only. */
  async function verifiedPassport(customer: { id: string; token: string }, read = { ...aPassportsFacts(), expiresOn: facts.expiresOn }) {
    const uploaded = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport', filename: 'maria-passport.pdf' }).expect(201);
    await review(vault, anna.token, uploaded.body.id, { decision: 'approve', facts: read }, uploaded.body.revision).expect(201);
    return uploaded.body.id as string;
  }

  it('keeps the records five years after the relationship ends, then destroys the key and erases them', async () => {
    const maria = await vault.customer();
    await asAdmin('post', `/v1/customers/${maria.id}/relationship`).expect(200);
    const passportId = await verifiedPassport(maria, facts);
    const blobKey = await blobKeyOf(passportId);
    const relied = await vault
      .http()
      .post(`/v1/documents/${passportId}/references`)
      .set('Authorization', `Bearer ${mandates.token}`)
      .send({ purpose: 'Joint account mandate', caseRef: 'MND-5' })
      .expect(201);

    const before = await exportOf(maria.token);
    expect(before.body.documents).toEqual([expect.objectContaining({ id: passportId, status: 'verified', facts })]);

    // The relationship ends: the department lets go, and support ends it today.
    await vault.http().delete(`/v1/documents/${passportId}/references/${relied.body.id}`).set('Authorization', `Bearer ${mandates.token}`).expect(200);
    const endedOn = today();
    const ended = await asAdmin('post', `/v1/customers/${maria.id}/relationship/end`).send({ endedOn }).expect(200);
    const retainedUntil = `${Number(endedOn.slice(0, 4)) + 5}${endedOn.slice(4)}`;
    expect(ended.body).toMatchObject({ status: 'retained', endedOn, retainedUntil });
    // The store itself now refuses to let the file go before the law does.
    expect(await blobs().head(blobKey)).toMatchObject({ retainUntil: new Date(Date.parse(retainedUntil) + DAY_MS).toISOString() });
    await expect(blobs().delete(blobKey)).rejects.toBeInstanceOf(BlobLockedError);

    const refused = await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${maria.token}`).expect(409);
    expectProblem(refused, 409, vault);
    expect(refused.body).toMatchObject({ code: 'CUSTOMER.ERASURE_REFUSED', legalBasis: 'Wwft article 33', ground: 'retention-period', retainedUntil });
    expect(refused.body.detail).toMatch(/5 years after the business relationship ends/);
    const mine = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
    expect(mine.body.retention).toEqual({ status: 'retained', retainedUntil, erasedAt: null });

    // On the last day of retention nothing happens; the day after, the customer is erased.
    vault.clock.set(`${retainedUntil}T12:00:00.000Z`);
    await sweep();
    expect(await keys().isDestroyed(maria.id)).toBe(false);
    const stillThere = await getAs(vault, mandates.token, `/v1/customers/${maria.id}/evidence?kind=identity&purpose=Mandate`).expect(200);
    expect(stillThere.body).toMatchObject({ satisfied: true, documentId: passportId });

    vault.clock.advance(DAY_MS);
    expect(await sweep()).toBe(1);
    expect(await keys().isDestroyed(maria.id)).toBe(true);
    expect(await vault.storedBlobs()).not.toContain(blobKey);

    const content = await getAs(vault, maria.token, `/v1/documents/${passportId}/content`);
    expectProblem(content, 410, vault);
    expect(content.body.code).toMatch(/ERASED/);

    const document = await getAs(vault, maria.token, `/v1/documents/${passportId}`).expect(200);
    expect(document.body).toMatchObject({ id: passportId, status: 'erased', facts: null, file: expect.objectContaining({ filename: null }) });
    const history = await getAs(vault, maria.token, `/v1/documents/${passportId}/history`).expect(200);
    const types = history.body.history.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['DocumentSubmitted', 'DocumentReviewed', 'DocumentVerified', 'DocumentReferenced', 'ReferenceReleased']));
    expect(types.at(-1)).toBe('DocumentErased');
    expect(history.body.history[0].summary).toMatch(/\(personal details erased\)$/);

    const after = await exportOf(maria.token);
    expect(after.body.documents).toEqual([expect.objectContaining({ id: passportId, status: 'erased', facts: null })]);
    for (const text of [document.text, history.text, after.text]) for (const value of personal) expect(text).not.toContain(value);

    const evidence = await getAs(vault, mandates.token, `/v1/customers/${maria.id}/evidence?kind=identity&purpose=Mandate`).expect(200);
    expect(evidence.body).toEqual({ satisfied: false });
    const retention = await asAdmin('get', `/v1/customers/${maria.id}/retention`).expect(200);
    expect(retention.body).toMatchObject({ status: 'erased', erasureReason: 'retention-ended', retainedUntil });
    expect(await sweep()).toBe(0);
  });

  it('keeps everything past the five years while a legal hold applies, and erases once it is lifted', async () => {
    const bram = await vault.customer();
    await asAdmin('post', `/v1/customers/${bram.id}/relationship`).expect(200);
    const passportId = await verifiedPassport(bram);
    await asAdmin('post', `/v1/customers/${bram.id}/relationship/end`).send({ endedOn: today() }).expect(200);
    const hold = await asAdmin('post', `/v1/customers/${bram.id}/legal-holds`).send({ reason: 'Investigation by the public prosecutor', caseRef: 'OM-2031-4' }).expect(201);
    expect(hold.body).toMatchObject({ id: expect.any(String), caseRef: 'OM-2031-4', retention: expect.objectContaining({ status: 'on_hold' }) });

    const blobKey = await blobKeyOf(passportId);
    expect(await blobs().head(blobKey)).toMatchObject({ legalHold: true });

    vault.clock.advance(6 * 366 * DAY_MS);
    await sweep();
    await expect(blobs().delete(blobKey)).rejects.toBeInstanceOf(BlobLockedError);
    expect(await keys().isDestroyed(bram.id)).toBe(false);
    await getAs(vault, bram.token, `/v1/documents/${passportId}`).expect(200).expect((response) => expect(response.body.status).toBe('verified'));
    const refused = await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${bram.token}`).expect(409);
    expect(refused.body).toMatchObject({ ground: 'kept-for-now', retainedUntil: null });
    expect(refused.text).not.toMatch(/hold|OM-2031-4|prosecutor/i);
    const mine = await getAs(vault, bram.token, '/v1/me/documents').expect(200);
    expect(mine.body.retention.status).toBe('retained');
    expect(JSON.stringify(mine.body)).not.toMatch(/legal.?hold|OM-2031-4/i);

    await asAdmin('delete', `/v1/customers/${bram.id}/legal-holds/${hold.body.id}`).expect(200);
    expect((await blobs().head(blobKey))?.legalHold).toBeUndefined();
    expect(await sweep()).toBe(1);
    expect(await keys().isDestroyed(bram.id)).toBe(true);
    await getAs(vault, bram.token, `/v1/documents/${passportId}`).expect(200).expect((response) => expect(response.body.status).toBe('erased'));
  });

  it('erases a prospect at once, on their own request', async () => {
    const carol = await vault.customer();
    const uploaded = await upload(vault, carol.token, carol.id, { file: aPdf(), type: 'passport', filename: 'maria-passport.pdf' }).expect(201);

    const erased = await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${carol.token}`).expect(200);
    expect(erased.body).toMatchObject({ status: 'erased', erasedAt: expect.any(String) });
    expect(await keys().isDestroyed(carol.id)).toBe(true);
    const document = await getAs(vault, carol.token, `/v1/documents/${uploaded.body.id}`).expect(200);
    expect(document.body).toMatchObject({ status: 'erased', file: expect.objectContaining({ filename: null }) });
    // Asking again is answered the same way.
    await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${carol.token}`).expect(200);
  });

  it('finishes an erasure a crash left half done', async () => {
    const dirk = await vault.customer();
    await asAdmin('post', `/v1/customers/${dirk.id}/relationship`).expect(200);
    const passportId = await verifiedPassport(dirk);
    await asAdmin('post', `/v1/customers/${dirk.id}/relationship/end`).send({ endedOn: today() }).expect(200);
    vault.clock.advance(6 * 366 * DAY_MS);
    // The erasure is recorded, then the process stops before it destroys the key.
    const eraseWhenDue = vault.app.get(CustomerRetentionService).request({ type: 'EraseWhenDue', customerId: dirk.id }, systemMetadata('retention', vault.clock.now()));
    await vault.app.get(CommandPipeline).run(customerRetentionAggregate, dirk.id, eraseWhenDue);
    expect(await keys().isDestroyed(dirk.id)).toBe(false);

    expect(await sweep()).toBe(1);
    expect(await keys().isDestroyed(dirk.id)).toBe(true);
    await getAs(vault, dirk.token, `/v1/documents/${passportId}`).expect(200).expect((response) => expect(response.body.status).toBe('erased'));
  });

  it('is managed by support only, refused before any lookup', async () => {
    const someone = await vault.customer();
    for (const token of [someone.token, anna.token, mandates.token]) {
      await vault.http().get(`/v1/customers/${someone.id}/retention`).set('Authorization', `Bearer ${token}`).expect(403);
      await vault.http().post(`/v1/customers/${someone.id}/relationship`).set('Authorization', `Bearer ${token}`).expect(403);
    }
    await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${admin}`).expect(403);
    const future = new Date(vault.clock.now().getTime() + 2 * DAY_MS).toISOString().slice(0, 10);
    await asAdmin('post', `/v1/customers/${someone.id}/relationship`).expect(200);
    const refused = await asAdmin('post', `/v1/customers/${someone.id}/relationship/end`).send({ endedOn: future });
    expectProblem(refused, 400, vault);
    await asAdmin('delete', `/v1/customers/${someone.id}/legal-holds/${randomUUID()}`).expect(404);
  });
});
