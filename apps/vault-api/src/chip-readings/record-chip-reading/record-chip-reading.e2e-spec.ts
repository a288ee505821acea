import {
  aChipReading,
  createTestPki,
  dg1FromMrz,
  generateTestKey,
  ICAO_TD3_SPECIMEN,
  issueCrl,
  issueDocumentSigner,
  toPem,
  type TestChipReading,
  type TestPki,
} from '@kluis/chip-verification/testing';
import { filesContainingPlaintext } from '@kluis/crypto/testing';
import { addBusinessDays } from '@kluis/document-domain';
import { encodeTd3 } from '@kluis/document-domain/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, binary, getAs, passportFacts, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
/** A passport of her own each time: a document number is verified for one customer only. */
const annaMrz = () => encodeTd3({
  documentCode: 'P',
  issuingState: 'UTO',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  documentNumber: `C${randomBytes(4).toString('hex').toUpperCase()}`,
  nationality: 'UTO',
  dateOfBirth: '1974-08-12',
  sex: 'F',
  expiresOn: '2034-04-15',
});

describe('chip readings: passive authentication on upload, evidence at assurance chip', () => {
  let vault: VaultUnderTest;
  let trustFolder: string;
  let policyFolder: string;
  let utopia: TestPki;
  let revokedSigner: TestPki['dsc'];
  let reviewer: Who;
  let kyc: Who;

  beforeAll(async () => {
    utopia = createTestPki({ profile: 'ecdsa-brainpool', now });
    revokedSigner = issueDocumentSigner(utopia.csca, now, { from: -365, to: 365 });
    trustFolder = await mkdtemp(join(tmpdir(), 'csca-trust-'));
    await writeFile(join(trustFolder, 'utopia.pem'), toPem('CERTIFICATE', utopia.csca.certificate.toSchema().toBER()));
    await writeFile(join(trustFolder, 'utopia.crl'), toPem('X509 CRL', issueCrl(utopia.csca, [revokedSigner], new Date(now.getTime() - DAY_MS)).toSchema().toBER()));
    // A department allowed to download passports, to prove a chip reading is still never sent to one.
    policyFolder = await mkdtemp(join(tmpdir(), 'departments-'));
    const departments = join(policyFolder, 'departments.json');
    await writeFile(
      departments,
      JSON.stringify({ kyc: { evidenceKinds: ['identity'], factTypes: ['passport', 'id-card'], contentTypes: ['passport', 'id-card'], scopes: ['evidence:read', 'content:read', 'requests:write'] } }),
    );
    vault = await startVault({ VAULT_CSCA_MASTER_LIST: trustFolder, VAULT_DEPARTMENTS_FILE: departments });
    reviewer = await vault.reviewer();
    kyc = await vault.department('kyc', ['evidence:read', 'content:read', 'requests:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
    await rm(trustFolder, { recursive: true, force: true });
    await rm(policyFolder, { recursive: true, force: true });
  });

  const bodyOf = (reading: TestChipReading, chipAuthentication = 'passed') => ({
    sod: Buffer.from(reading.sod).toString('base64'),
    dataGroups: Object.fromEntries([...reading.dataGroups].map(([number, bytes]) => [String(number), Buffer.from(bytes).toString('base64')])),
    chipAuthentication,
  });
  const send = (who: Who, customerId: string, body: object) =>
    vault.http().post(`/v1/customers/${customerId}/chip-readings`).set('Authorization', `Bearer ${who.token}`).send(body);
  const evidence = (customerId: string, minAssurance?: string) =>
    getAs(vault, kyc.token, `/v1/customers/${customerId}/evidence?kind=identity${minAssurance ? `&minAssurance=${minAssurance}` : ''}`).expect(200);

  it('verifies a genuine reading at once, and a department relies on it at assurance chip without ever seeing the face', async () => {
    const customer = await vault.customer();
    const reading = aChipReading(utopia, now, { mrz: annaMrz(), withFace: true });

    const created = await send(customer, customer.id, bodyOf(reading)).expect(201);
    expect(created.body).toMatchObject({
      type: 'passport',
      status: 'verified',
      assurance: 'chip',
      channel: 'online',
      facts: { documentNumber: expect.stringMatching(/^C[0-9A-F]{8}$/), holderName: 'ANNA MARIA ERIKSSON', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' },
      chip: { passed: true, failureCode: null, chipAuthentication: 'passed', holderCheck: 'no-verified-identity', csca: 'C=UT, CN=UT test CSCA ecdsa-brainpool' },
    });
    expect(created.body.chip.steps.map((step: { outcome: string }) => step.outcome)).toEqual(Array(7).fill('passed'));

    const found = await evidence(customer.id, 'chip');
    expect(found.body).toMatchObject({ satisfied: true, documentId: created.body.id, assurance: 'chip', validUntil: '2034-04-15' });

    const seenByDepartment = await getAs(vault, kyc.token, `/v1/documents/${created.body.id}`).expect(200);
    expect(seenByDepartment.body.chip).toBeNull();
    const content = await getAs(vault, kyc.token, `/v1/documents/${created.body.id}/content?purpose=Checking%20the%20face`).expect(403);
    expect(content.body.detail).toContain('never sent to departments');

    // The customer may have everything read from their own chip, face included, exactly as sent.
    const own = await binary(getAs(vault, customer.token, `/v1/documents/${created.body.id}/content`)).expect(200);
    expect(JSON.parse(own.body.toString())).toEqual(bodyOf(reading));
  });

  it('keeps the reading encrypted: neither the face nor the MRZ is anywhere in the data directory in the clear', async () => {
    const customer = await vault.customer();
    const mrz = annaMrz();
    const reading = aChipReading(utopia, now, { mrz, withFace: true });
    await send(customer, customer.id, bodyOf(reading)).expect(201);
    const face = Buffer.from(reading.dataGroups.get(2)!);
    for (const needle of [face, Buffer.from(face.toString('base64')), Buffer.from(mrz.join('')), Buffer.from(bodyOf(reading).dataGroups['1'])]) {
      expect(await filesContainingPlaintext(vault.dataDir, needle)).toEqual([]);
    }
  });

  it('ranks a chip reading above a reviewed copy, and a copy does not satisfy minAssurance=chip', async () => {
    const customer = await vault.customer();
    const copy = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, reviewer.token, copy.body.id, { decision: 'approve', facts: { ...aPassportsFacts(), holderName: 'Anna Maria Eriksson' } }, copy.body.revision).expect(201);

    expect((await evidence(customer.id)).body).toMatchObject({ satisfied: true, documentId: copy.body.id, assurance: 'review' });
    expect((await evidence(customer.id, 'chip')).body).toEqual({ satisfied: false });

    const chip = await send(customer, customer.id, bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }))).expect(201);
    expect(chip.body).toMatchObject({ status: 'verified', chip: { holderCheck: 'match' } });
    expect((await evidence(customer.id)).body).toMatchObject({ satisfied: true, documentId: chip.body.id, assurance: 'chip' });
  });

  it('keeps a passing reading whose holder is not the verified customer for a reviewer, not as evidence', async () => {
    const customer = await vault.customer();
    const copy = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, reviewer.token, copy.body.id, { decision: 'approve', facts: aPassportsFacts() }, copy.body.revision).expect(201);

    const held = await send(customer, customer.id, bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }))).expect(201);
    expect(held.body).toMatchObject({ status: 'pending_review', assurance: null, chip: { passed: true, holderCheck: 'mismatch' } });
    // A reviewer can approve it, so it is legitimately pending.
    expect((await evidence(customer.id, 'chip')).body).toEqual({ satisfied: false, pending: { documentId: held.body.id, reviewDueAt: expect.any(String) } });
    const queue = await getAs(vault, reviewer.token, '/v1/review-queue').expect(200);
    expect(JSON.stringify(queue.body)).toContain(held.body.id);

    // A holder who differs from the verified one takes two reviewers, as for a copy: one approval holds it, and a
    // second reviewer confirms with a reason. The facts stay those the chip states.
    const first = await review(vault, reviewer.token, held.body.id, { decision: 'approve', facts: {} }, held.body.revision).expect(201);
    expect(first.body).toMatchObject({ status: 'awaiting_second_review', assurance: null, holderMismatch: { fields: expect.arrayContaining(['holderName']) } });
    expect((await evidence(customer.id, 'chip')).body).toMatchObject({ satisfied: false });
    const second = await vault.reviewer();
    const approved = await review(vault, second.token, held.body.id, { decision: 'approve', facts: {}, holderMismatchReason: 'Married since the copy was made; the chip is signed by the issuing state.' }, first.body.revision).expect(201);
    expect(approved.body).toMatchObject({ status: 'verified', assurance: 'chip', facts: { holderName: 'ANNA MARIA ERIKSSON' } });
  });

  it('compares the holder as an approval does: the names in another order are the same person on a chip and on a copy', async () => {
    const customer = await vault.customer();
    const copy = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, reviewer.token, copy.body.id, { decision: 'approve', facts: { ...aPassportsFacts(), holderName: 'Maria Anna Eriksson' } }, copy.body.revision).expect(201);

    const chip = await send(customer, customer.id, bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }))).expect(201);
    expect(chip.body).toMatchObject({ status: 'verified', assurance: 'chip', chip: { holderCheck: 'match' } });

    // A second copy naming the chip's holder is verified by one approval: the copy path agrees.
    const another = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'id-card' }).expect(201);
    const approved = await review(vault, reviewer.token, another.body.id, { decision: 'approve', facts: { ...aPassportsFacts(), holderName: 'ANNA MARIA ERIKSSON' } }, another.body.revision).expect(201);
    expect(approved.body).toMatchObject({ status: 'verified' });
  });

  const failures: ReadonlyArray<[string, string, () => TestChipReading]> = [
    ['a tampered DG1', 'CHIP.HASH_MISMATCH', () => {
      const reading = aChipReading(utopia, now, { mrz: annaMrz() });
      reading.dataGroups.set(1, dg1FromMrz(encodeTd3({ documentCode: 'P', issuingState: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNE MARIA', documentNumber: 'L898902C3', nationality: 'UTO', dateOfBirth: '1974-08-12', sex: 'F', expiresOn: '2034-04-15' })));
      return reading;
    }],
    ['a Document Signer from an untrusted CSCA', 'CHIP.UNKNOWN_CSCA', () => aChipReading(createTestPki({ profile: 'ecdsa-p256', now, country: 'XX' }), now, { mrz: annaMrz() })],
    ['a Document Signer expired when it signed', 'CHIP.DSC_EXPIRED', () => aChipReading(utopia, now, { mrz: annaMrz(), signer: issueDocumentSigner(utopia.csca, now, { from: -900, to: -400 }) })],
    ['a revoked Document Signer', 'CHIP.DSC_REVOKED', () => aChipReading(utopia, now, { mrz: annaMrz(), signer: revokedSigner })],
    ['a SOD signed with another key', 'CHIP.SIGNATURE_INVALID', () => aChipReading(utopia, now, { mrz: annaMrz(), signer: { certificate: utopia.dsc.certificate, key: generateTestKey('ecdsa-brainpool') } })],
    ['a truncated SOD', 'CHIP.MALFORMED', () => {
      const reading = aChipReading(utopia, now, { mrz: annaMrz() });
      return { ...reading, sod: reading.sod.slice(0, reading.sod.length - 50) };
    }],
    ['no DG1', 'CHIP.DG1_MISSING', () => {
      const reading = aChipReading(utopia, now, { mrz: annaMrz(), withFace: true });
      reading.dataGroups.delete(1);
      return reading;
    }],
  ];

  it.each(failures)('refuses %s with %s, and keeps the reading for a reviewer, never as evidence', async (_name, code, build) => {
    const customer = await vault.customer();
    const refused = await send(customer, customer.id, bodyOf(build())).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 422, code });
    expect(refused.body.steps.find((step: { code: string | null }) => step.code === code)).toBeDefined();

    const kept = await getAs(vault, reviewer.token, `/v1/documents/${refused.body.documentId}`).expect(200);
    expect(kept.body).toMatchObject({ status: 'pending_review', assurance: null, chip: { passed: false, failureCode: code } });
    const approval = await review(vault, reviewer.token, refused.body.documentId, { decision: 'approve', facts: passportFacts }, kept.body.revision).expect(409);
    expect(approval.body.code).toBe('CHIP.READING_FAILED');
    // Never to be approved, so nothing waits on it: the evidence is not pending, and an ask goes to the customer.
    expect((await evidence(customer.id)).body).toEqual({ satisfied: false });
    const dueBy = addBusinessDays(vault.clock.now(), 10).toISOString().slice(0, 10);
    const asked = await vault
      .http()
      .post(`/v1/customers/${customer.id}/document-requests`)
      .set('Authorization', `Bearer ${kyc.token}`)
      .send({ kind: 'identity', purpose: 'Know your customer review', dueBy })
      .expect(201);
    expect(asked.body).toMatchObject({ status: 'open', kind: 'identity' });
  });

  it('files the genuine chip of the expired ICAO specimen passport as expired, not as evidence', async () => {
    const customer = await vault.customer();
    const created = await send(customer, customer.id, bodyOf(aChipReading(utopia, now, { mrz: ICAO_TD3_SPECIMEN }))).expect(201);
    expect(created.body).toMatchObject({ status: 'expired', assurance: null, expiresOn: '2012-04-15', chip: { passed: true } });
    expect((await evidence(customer.id)).body).toEqual({ satisfied: false });
  });

  it('answers a reading repeated with its Idempotency-Key as the first time, filing it once', async () => {
    const customer = await vault.customer();
    const genuine = bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }));
    const refused = bodyOf(aChipReading(createTestPki({ profile: 'ecdsa-p256', now, country: 'XX' }), now, { mrz: annaMrz() }));
    const sendOnce = (body: object, key: string) => send(customer, customer.id, body).set('Idempotency-Key', key);

    const first = await sendOnce(genuine, 'reading-1').expect(201);
    expect((await sendOnce(genuine, 'reading-1').expect(201)).body.id).toBe(first.body.id);
    const firstRefusal = await sendOnce(refused, 'reading-2').expect(422);
    const again = await sendOnce(refused, 'reading-2').expect(422);
    expect(again.body).toMatchObject({ code: 'CHIP.UNKNOWN_CSCA', documentId: firstRefusal.body.documentId });
    expect((await sendOnce(refused, 'reading-1').expect(422)).body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body.documents).toHaveLength(2);
  });

  it('lets intake staff file a reading at the branch', async () => {
    const customer = await vault.customer();
    const created = await send(reviewer, customer.id, bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }))).expect(201);
    expect(created.body).toMatchObject({ status: 'verified', channel: 'branch', assurance: 'chip' });
  });

  it("answers 404 for another customer's file and 403 to a department, storing nothing", async () => {
    const customer = await vault.customer();
    const stranger = await vault.customer();
    const before = await vault.storedBlobs();
    const body = bodyOf(aChipReading(utopia, now, { mrz: annaMrz() }));

    expect((await send(stranger, customer.id, body).expect(404)).body.code).toBe('RESOURCE.NOT_FOUND');
    await send(kyc, customer.id, body).expect(403);
    expect(await vault.storedBlobs()).toEqual(before);
    expect((await getAs(vault, customer.token, '/v1/me/documents').expect(200)).body.documents).toEqual([]);
  });

  it.each([
    ['no SOD', { dataGroups: { '1': 'YQA=' }, chipAuthentication: 'passed' }, 'sod'],
    ['a SOD that is not base64', { sod: 'not base64!', dataGroups: { '1': 'YQA=' }, chipAuthentication: 'passed' }, 'sod'],
    ['data group 17', { sod: 'dwA=', dataGroups: { '17': 'YQA=' }, chipAuthentication: 'passed' }, 'dataGroups'],
    ['a data group that is not a string', { sod: 'dwA=', dataGroups: { '1': 12 }, chipAuthentication: 'passed' }, 'dataGroups'],
    ['an oversized data group', { sod: 'dwA=', dataGroups: { '2': 'A'.repeat(64 * 1024 + 4) }, chipAuthentication: 'passed' }, 'dataGroups'],
    ['an unknown chip authentication outcome', { sod: 'dwA=', dataGroups: { '1': 'YQA=' }, chipAuthentication: 'maybe' }, 'chipAuthentication'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_name, body, field) => {
    const customer = await vault.customer();
    const before = await vault.storedBlobs();
    const refused = await send(customer, customer.id, body).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await vault.storedBlobs()).toEqual(before);
  });
});
