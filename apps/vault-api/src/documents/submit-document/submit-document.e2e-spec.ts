import type { ReadModelDatabase } from '@kluis/read-models';
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { aPdf, aPng, aWordDocument } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, getAs, upload } from '../../../../../test/support/vault-requests';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { IdempotencyKeySweeper } from '../../idempotency/idempotency-key-sweeper';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('uploading a document', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_MAX_UPLOAD_BYTES: String(64 * 1024) });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('accepts a passport PDF from the customer and puts it in review', async () => {
    const maria = await vault.customer();
    const pdf = aPdf();
    const response = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport', filename: 'paspoort.pdf' }).expect(201);
    expect(response.body).toMatchObject({
      customerId: maria.id,
      type: 'passport',
      status: 'pending_review',
      channel: 'online',
      submittedBy: 'you',
      file: { sha256: sha256(pdf), size: pdf.length, mediaType: 'application/pdf', filename: 'paspoort.pdf' },
      revision: 0,
    });
    expect(response.headers.etag).toBe('"0"');
    expect(response.headers.location).toBe(`/v1/documents/${response.body.id}`);
    expect(JSON.stringify(response.body)).not.toMatch(/blobKey|documents\//);
  });

  it('does not care whether the fields come before or after the file', async () => {
    const maria = await vault.customer();
    const response = await upload(vault, maria.token, maria.id, { file: aPng(), type: 'id-card', fieldsLast: true }).expect(201);
    expect(response.body).toMatchObject({ type: 'id-card', file: { mediaType: 'image/png' } });
  });

  it('answers 200 with the document already on file for the same bytes, storing nothing new', async () => {
    const maria = await vault.customer();
    const pdf = aPdf();
    const first = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
    const blobsBefore = await vault.storedBlobs();
    const again = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
    const list = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
    expect(list.body.documents).toHaveLength(1);
  });

  it('treats the same bytes as another type as a new document', async () => {
    const maria = await vault.customer();
    const pdf = aPdf();
    const passport = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
    const address = await upload(vault, maria.token, maria.id, { file: pdf, type: 'proof-of-address' }).expect(201);
    expect(address.body.id).not.toBe(passport.body.id);
  });

  it('replays the first answer for a repeated Idempotency-Key and creates nothing', async () => {
    const maria = await vault.customer();
    const key = randomUUID();
    const pdf = aPdf();
    const first = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport', idempotencyKey: key }).expect(201);
    const blobsBefore = await vault.storedBlobs();
    const replay = await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport', idempotencyKey: key }).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
  });

  it('refuses the same Idempotency-Key for a different request with 422, storing nothing', async () => {
    const maria = await vault.customer();
    const key = randomUUID();
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', idempotencyKey: key }).expect(201);
    const blobsBefore = await vault.storedBlobs();
    const other = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', idempotencyKey: key });
    expectProblem(other, 422, vault);
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
  });

  it('lets a reviewer upload at the branch, recorded as a branch submission', async () => {
    const maria = await vault.customer();
    const anna = await vault.reviewer('anna');
    const response = await upload(vault, anna.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney', relatedCustomerIds: 'C-2001, C-2002' }).expect(201);
    expect(response.body).toMatchObject({ channel: 'branch', submittedBy: 'anna', relatedCustomerIds: ['C-2001', 'C-2002'] });
  });

  describe('refusals leave the vault exactly as it was', () => {
    it.each([
      ['a Word file', () => aWordDocument()],
      ['an HTML file named .pdf', () => Buffer.from('<html><script>alert(1)</script></html>')],
      ['an empty file', () => Buffer.alloc(0)],
    ])('refuses %s with 415', async (_name, file) => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const response = await upload(vault, maria.token, maria.id, { file: file(), type: 'passport', filename: 'passport.pdf' });
      expectProblem(response, 415, vault);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
      const list = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
      expect(list.body.documents).toEqual([]);
    });

    it('refuses a file whose declared type disagrees with its bytes with 415', async () => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const response = await upload(vault, maria.token, maria.id, { file: aPng(), type: 'passport', filename: 'passport.pdf' });
      expectProblem(response, 415, vault);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it('refuses a PDF that carries JavaScript, storing nothing', async () => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const scripted = Buffer.from(
        aPdf().toString('latin1').replace('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'),
        'latin1',
      );
      const response = await upload(vault, maria.token, maria.id, { file: scripted, type: 'passport' });
      expectProblem(response, 415, vault);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it('refuses a file over the size limit with 413', async () => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const big = Buffer.concat([aPdf(), Buffer.alloc(64 * 1024)]);
      const response = await upload(vault, maria.token, maria.id, { file: big, type: 'passport' });
      expectProblem(response, 413, vault);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it.each([
      ['no type', { type: undefined }, 'type'],
      ['an unknown type', { type: 'selfie' }, 'type'],
      ['an unknown channel', { type: 'passport', channel: 'fax' }, 'channel'],
      ['a malformed related customer', { type: 'passport', relatedCustomerIds: 'C-1,<script>' }, 'relatedCustomerIds'],
    ])('refuses an upload with %s with 400 naming the field', async (_name, fields, field) => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const response = await upload(vault, maria.token, maria.id, { file: aPdf(), ...fields });
      expectProblem(response, 400, vault);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it('refuses a body that is not multipart with 400', async () => {
      const maria = await vault.customer();
      const response = await vault.http().post(`/v1/customers/${maria.id}/documents`).set('Authorization', `Bearer ${maria.token}`).send({ type: 'passport' });
      expectProblem(response, 400, vault);
    });

    it('refuses an upload without a file with 400', async () => {
      const maria = await vault.customer();
      const response = await vault.http().post(`/v1/customers/${maria.id}/documents`).set('Authorization', `Bearer ${maria.token}`).field('type', 'passport');
      expectProblem(response, 400, vault);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });

    it('refuses two files in one upload', async () => {
      const maria = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      const response = await vault
        .http()
        .post(`/v1/customers/${maria.id}/documents`)
        .set('Authorization', `Bearer ${maria.token}`)
        .field('type', 'passport')
        .attach('file', aPdf(), 'one.pdf')
        .attach('file', aPdf(), 'two.pdf');
      expectProblem(response, 400, vault);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it('answers 401 without a token', async () => {
      const response = await vault.http().post('/v1/customers/C-1/documents').attach('file', aPdf(), 'x.pdf');
      expectProblem(response, 401);
    });

    it("answers 404 to a customer uploading into someone else's file", async () => {
      const maria = await vault.customer();
      const jan = await vault.customer();
      const blobsBefore = await vault.storedBlobs();
      expectProblem(await upload(vault, jan.token, maria.id, { file: aPdf(), type: 'passport' }), 404, vault);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });

    it('answers 403 to a department without documents:write, even when its token claims it, and accepts one its policy allows', async () => {
      const maria = await vault.customer();
      const reader = await vault.department('mandates', ['evidence:read']);
      expectProblem(await upload(vault, reader.token, maria.id, { file: aPdf(), type: 'passport' }), 403);
      const overclaiming = await vault.department('mortgages', ['documents:write']);
      expectProblem(await upload(vault, overclaiming.token, maria.id, { file: aPdf(), type: 'passport' }), 403);
      const writer = await vault.department('mandates', ['documents:write']);
      const response = await upload(vault, writer.token, maria.id, { file: aPdf(), type: 'passport', channel: 'post' }).expect(201);
      expect(response.body).toMatchObject({ channel: 'post', submittedBy: writer.id });
      const blobsBefore = await vault.storedBlobs();
      expectProblem(await upload(vault, writer.token, maria.id, { file: aPdf(), type: 'chamber-of-commerce-extract' }), 403);
      expect(await vault.storedBlobs()).toEqual(blobsBefore);
    });
  });
});

describe('an Idempotency-Key is kept for a day', () => {
  let vault: VaultUnderTest;
  const DAY_MS = 24 * 60 * 60 * 1000;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const storedKeys = (key: string) =>
    vault.app
      .get<symbol, ReadModelDatabase>(READ_MODEL_DB)
      .selectFrom('idempotency_keys')
      .select('scope_key')
      .where('scope_key', 'like', `%\n${key}`)
      .execute();

  it('frees a key once it is older than VAULT_IDEMPOTENCY_KEY_HOURS, and the sweeper deletes the answer stored with it', async () => {
    const maria = await vault.customer();
    const reused = randomUUID();
    const forgotten = randomUUID();
    const first = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', idempotencyKey: reused }).expect(201);
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'proof-of-address', idempotencyKey: forgotten }).expect(201);
    expectProblem(await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', idempotencyKey: reused }), 422, vault);

    vault.clock.advance(DAY_MS + 1);
    const later = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', idempotencyKey: reused }).expect(201);
    expect(later.body.id).not.toBe(first.body.id);

    expect(await storedKeys(forgotten)).toHaveLength(1);
    expect(await vault.app.get(IdempotencyKeySweeper).sweep()).toBe(1);
    expect(await storedKeys(forgotten)).toEqual([]);
    expect(await storedKeys(reused)).toHaveLength(1);
  });
});
