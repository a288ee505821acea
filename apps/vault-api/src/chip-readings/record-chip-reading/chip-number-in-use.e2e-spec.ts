import { aChipReading, createTestPki, toPem, type TestChipReading, type TestPki } from '@kluis/chip-verification/testing';
import { encodeTd3 } from '@kluis/document-domain/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

const now = new Date();
const passportOf = (documentNumber: string) =>
  encodeTd3({
    documentCode: 'P',
    issuingState: 'UTO',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber,
    nationality: 'UTO',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    expiresOn: '2034-04-15',
  });

/** A genuine chip carries a number verified for another customer: the same refusal as an approved copy meets. */
describe('a chip reading whose document number is already verified for another customer', () => {
  let vault: VaultUnderTest;
  let trustFolder: string;
  let utopia: TestPki;
  let reviewer: Who;
  let admin: string;

  beforeAll(async () => {
    utopia = createTestPki({ profile: 'ecdsa-brainpool', now });
    trustFolder = await mkdtemp(join(tmpdir(), 'csca-trust-'));
    await writeFile(join(trustFolder, 'utopia.pem'), toPem('CERTIFICATE', utopia.csca.certificate.toSchema().toBER()));
    vault = await startVault({ VAULT_CSCA_MASTER_LIST: trustFolder });
    reviewer = await vault.reviewer();
    admin = await vault.token('admin-1', ['admin']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
    await rm(trustFolder, { recursive: true, force: true });
  });

  const bodyOf = (reading: TestChipReading) => ({
    sod: Buffer.from(reading.sod).toString('base64'),
    dataGroups: Object.fromEntries([...reading.dataGroups].map(([number, bytes]) => [String(number), Buffer.from(bytes).toString('base64')])),
    chipAuthentication: 'passed',
  });
  const send = (who: Who, body: object) => vault.http().post(`/v1/customers/${who.id}/chip-readings`).set('Authorization', `Bearer ${who.token}`).send(body);
  const filed = async (customer: Who) => (await getAs(vault, reviewer.token, `/v1/customers/${customer.id}/documents`)).body;
  const conflicts = async () => (await getAs(vault, admin, '/v1/admin/identity-number-conflicts').expect(200)).body.conflicts as object[];

  it('refuses the second customer with 409 DOCUMENT.NUMBER_IN_USE, files nothing for them, and lists the attempt for support', async () => {
    const first = await vault.customer();
    const second = await vault.customer();
    const mrz = passportOf('C1HIP0001');
    const verified = await send(first, bodyOf(aChipReading(utopia, now, { mrz }))).expect(201);
    expect(verified.body).toMatchObject({ status: 'verified', assurance: 'chip' });
    const before = await filed(second);

    const refused = await send(second, bodyOf(aChipReading(utopia, now, { mrz })));
    expectProblem(refused, 409, vault);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT.NUMBER_IN_USE', errors: [expect.objectContaining({ field: 'facts.documentNumber' })] });
    expect(refused.text).not.toContain(first.id);
    expect(refused.text).not.toContain(verified.body.id);
    expect(await filed(second)).toEqual(before);
    expect(await conflicts()).toEqual(
      expect.arrayContaining([expect.objectContaining({ customerId: second.id, heldBy: { customerId: first.id, documentId: verified.body.id } })]),
    );
  });

  it('refuses a chip whose number a reviewer already verified on another customer\'s copy', async () => {
    const first = await vault.customer();
    const second = await vault.customer();
    const copy = await upload(vault, first.token, first.id, { file: aPdf(), type: 'passport' }).expect(201);
    const facts = { ...passportFacts, documentNumber: 'C1HIP0002', issuingCountry: 'UTO' };
    await review(vault, reviewer.token, copy.body.id, { decision: 'approve', facts }, copy.body.revision).expect(201);

    const refused = await send(second, bodyOf(aChipReading(utopia, now, { mrz: passportOf('C1HIP0002') })));
    expectProblem(refused, 409, vault);
    expect(refused.body.code).toBe('DOCUMENT.NUMBER_IN_USE');
    expect(await conflicts()).toEqual(
      expect.arrayContaining([expect.objectContaining({ customerId: second.id, heldBy: { customerId: first.id, documentId: copy.body.id } })]),
    );
  });

  it('lets the same customer read the same chip again', async () => {
    const customer = await vault.customer();
    const mrz = passportOf('C1HIP0003');
    await send(customer, bodyOf(aChipReading(utopia, now, { mrz }))).expect(201);
    const again = await send(customer, bodyOf(aChipReading(utopia, now, { mrz }))).expect(201);
    expect(again.body).toMatchObject({ status: 'verified', assurance: 'chip' });
  });
});
