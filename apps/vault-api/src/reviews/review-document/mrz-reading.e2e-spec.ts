import { randomBytes } from 'node:crypto';
import { encodeTd3 } from '@kluis/document-domain/testing';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, review, upload } from '../../../../../test/support/vault-requests';

type Who = { id: string; token: string };

/** What the MRZ reader refuses or reads at the review desk, over HTTP. */
describe('reading a machine-readable zone at approval', () => {
  let vault: VaultUnderTest;
  let anna: Who;

  beforeAll(async () => {
    vault = await startVault();
    anna = await vault.reviewer('anna');
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const aDocument = async (type: string) => {
    const customer = await vault.customer();
    return (await upload(vault, customer.token, customer.id, { file: aPdf(), type }).expect(201)).body.id as string;
  };
  const passportZone = (overrides: { dateOfBirth?: string; issuingState?: string }) =>
    encodeTd3({
      documentCode: 'P',
      issuingState: 'NLD',
      surname: 'DE VRIES',
      givenNames: 'MARIA',
      documentNumber: `N${randomBytes(4).toString('hex').toUpperCase()}`,
      nationality: 'NLD',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiresOn: '2031-01-01',
      ...overrides,
    });

  it('verifies a passport whose birth day is unknown, keeping the day unknown', async () => {
    const approved = await review(vault, anna.token, await aDocument('passport'), { decision: 'approve', mrz: passportZone({ dateOfBirth: '1974-08-<<' }) }, 0).expect(201);
    expect(approved.body).toMatchObject({ status: 'verified', facts: { dateOfBirth: '1974-08', holderName: 'MARIA DE VRIES' } });
  });

  it('refuses a state code that does not exist, naming the field, and changes nothing', async () => {
    const documentId = await aDocument('passport');
    const refused = await review(vault, anna.token, documentId, { decision: 'approve', mrz: passportZone({ issuingState: 'ASU' }) }, 0);
    expectProblem(refused, 400, vault);
    expect(refused.body.errors).toEqual([{ field: 'mrz.issuingState', message: "issuing state 'ASU' is not a state code of ICAO Doc 9303 Part 3" }]);
    await review(vault, anna.token, documentId, { decision: 'reject', reasonCode: 'WRONG_DOCUMENT', message: 'Please upload your passport.' }, 0).expect(201);
  });

  it('names a French identity card from before 2021 as not an ICAO 9303 MRZ', async () => {
    const frenchCard = ['IDFRAMARTIN<<<<<<<<<<<<<<<<<<<932013', '0512932020438JULIETTE<<ALIC6504182F8'];
    const refused = await review(vault, anna.token, await aDocument('id-card'), { decision: 'approve', mrz: frenchCard }, 0);
    expectProblem(refused, 400, vault);
    expect(refused.body.errors).toEqual([{ field: 'mrz.lines', message: expect.stringMatching(/^not an ICAO 9303 MRZ/) }]);
  });
});
