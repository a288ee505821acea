import { aChipReading, createTestPki, ICAO_TD3_SPECIMEN, toPem } from '@kluis/chip-verification/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';

/** A genuinely signed chip of the ICAO specimen state Utopia is a test card: with specimens off it is never evidence. */
describe('a specimen chip where specimens are off', () => {
  const now = new Date();
  const utopia = createTestPki({ profile: 'ecdsa-brainpool', now });
  let vault: VaultUnderTest;
  let trustFolder: string;

  beforeAll(async () => {
    trustFolder = await mkdtemp(join(tmpdir(), 'csca-trust-'));
    await writeFile(join(trustFolder, 'utopia.pem'), toPem('CERTIFICATE', utopia.csca.certificate.toSchema().toBER()));
    vault = await startVault({ VAULT_CSCA_MASTER_LIST: trustFolder, VAULT_MRZ_SPECIMENS: 'off' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
    await rm(trustFolder, { recursive: true, force: true });
  });

  it('fails passive authentication at the DG1 step, naming the specimen state', async () => {
    const customer = await vault.customer();
    const reading = aChipReading(utopia, now, { mrz: ICAO_TD3_SPECIMEN });
    const refused = await vault
      .http()
      .post(`/v1/customers/${customer.id}/chip-readings`)
      .set('Authorization', `Bearer ${customer.token}`)
      .send({
        sod: Buffer.from(reading.sod).toString('base64'),
        dataGroups: Object.fromEntries([...reading.dataGroups].map(([number, bytes]) => [String(number), Buffer.from(bytes).toString('base64')])),
        chipAuthentication: 'passed',
      })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'CHIP.DG1_MRZ_INVALID' });
    expect(refused.body.detail).toContain("'UTO' is the ICAO specimen state");
  });
});
