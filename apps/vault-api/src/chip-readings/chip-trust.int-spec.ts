import { aChipReading, createTestPki, toPem, type TestPki } from '@kluis/chip-verification/testing';
import { verifyChipReading } from '@kluis/chip-verification';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVaultConfig } from '../config/vault-config';
import { ChipTrust } from './chip-trust';

const now = new Date();

describe('the CSCA trust store the vault runs with', () => {
  let folder: string;
  let utopia: TestPki;
  let elsewhere: TestPki;

  beforeAll(() => {
    utopia = createTestPki({ profile: 'ecdsa-p256', now });
    elsewhere = createTestPki({ profile: 'ecdsa-p256', now, country: 'XX' });
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'csca-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const pem = (pki: TestPki) => toPem('CERTIFICATE', pki.csca.certificate.toSchema().toBER());
  const trustFor = (location: string | undefined) =>
    new ChipTrust(loadVaultConfig({ VAULT_DATA_DIR: folder, NODE_ENV: 'test', ...(location ? { VAULT_CSCA_MASTER_LIST: location } : {}) }).reviews);
  const accepts = (trust: ChipTrust, pki: TestPki) => verifyChipReading(aChipReading(pki, now), trust.current()!, now, { mrzSpecimens: true }).passed;

  it('is off without VAULT_CSCA_MASTER_LIST', async () => {
    const trust = trustFor(undefined);
    await trust.onModuleInit();
    expect(trust.current()).toBeNull();
  });

  it('takes a CSCA added to the folder on reload', async () => {
    await writeFile(join(folder, 'utopia.pem'), pem(utopia));
    const trust = trustFor(folder);
    await trust.onModuleInit();
    expect(accepts(trust, elsewhere)).toBe(false);

    await writeFile(join(folder, 'elsewhere.pem'), pem(elsewhere));
    await trust.reload();
    expect(accepts(trust, elsewhere)).toBe(true);
    trust.onApplicationShutdown();
  });

  it('keeps the store in use when a reload finds an unreadable file', async () => {
    await writeFile(join(folder, 'utopia.pem'), pem(utopia));
    const trust = trustFor(folder);
    await trust.onModuleInit();
    await writeFile(join(folder, 'broken.pem'), 'not a certificate');
    await trust.reload();
    expect(accepts(trust, utopia)).toBe(true);
    trust.onApplicationShutdown();
  });

  it('stops the start when the store cannot be read, naming the file', async () => {
    await writeFile(join(folder, 'broken.der'), Buffer.from([0x30, 0x03, 0x02, 0x01]));
    await expect(trustFor(folder).onModuleInit()).rejects.toThrow('VAULT_CSCA_MASTER_LIST: broken.der is not a certificate, CRL or master list');
  });
});
