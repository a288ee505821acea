import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aChipReading,
  buildMasterList,
  createTestPki,
  issueCertificate,
  issueCrl,
  toPem,
  generateTestKey,
  type TestPki,
} from '@kluis/chip-verification/testing';
import { verifyChipReading } from '../verify-chip-reading';
import { loadCscaTrustStore } from './load-trust-store';

const now = new Date('2026-12-07T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

describe('loading the CSCA trust store', () => {
  let folder: string;
  let utopia: TestPki;
  let elsewhere: TestPki;

  beforeAll(() => {
    utopia = createTestPki({ profile: 'ecdsa-brainpool', now });
    elsewhere = createTestPki({ profile: 'ecdsa-p256', now, country: 'XX' });
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'csca-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const der = (pki: TestPki) => new Uint8Array(pki.csca.certificate.toSchema().toBER());
  const verdictWith = async (location: string, pki: TestPki) =>
    verifyChipReading(aChipReading(pki, now), await loadCscaTrustStore(location), now, { mrzSpecimens: true });

  it('reads a folder of CSCA certificates in PEM and DER', async () => {
    await writeFile(join(folder, 'utopia.pem'), toPem('CERTIFICATE', der(utopia)));
    await writeFile(join(folder, 'elsewhere.cer'), der(elsewhere));

    expect((await verdictWith(folder, utopia)).failure).toBeNull();
    expect((await verdictWith(folder, elsewhere)).failure).toBeNull();
  });

  it('honours a CRL in the folder', async () => {
    const crl = issueCrl(utopia.csca, [utopia.dsc], new Date(now.getTime() - DAY_MS));
    await writeFile(join(folder, 'utopia.pem'), toPem('CERTIFICATE', der(utopia)));
    await writeFile(join(folder, 'utopia.crl'), toPem('X509 CRL', crl.toSchema().toBER()));

    expect((await verdictWith(folder, utopia)).failure?.code).toBe('CHIP.DSC_REVOKED');
  });

  it('reads an ICAO master list file', async () => {
    const file = join(folder, 'master-list.ml');
    await writeFile(file, aMasterList([utopia, elsewhere]));

    expect((await verdictWith(file, utopia)).failure).toBeNull();
    expect((await verdictWith(file, elsewhere)).failure).toBeNull();
  });

  it('refuses to load a master list altered after it was signed', async () => {
    const list = aMasterList([utopia]);
    const certificate = der(utopia);
    const at = Buffer.from(list).indexOf(Buffer.from(certificate));
    list[at + certificate.length - 1] ^= 0xff;
    const file = join(folder, 'master-list.ml');
    await writeFile(file, list);

    await expect(loadCscaTrustStore(file)).rejects.toThrow('master-list.ml');
  });

  it('refuses to load a master list whose signer an impostor bearing a listed CSCA’s name issued', async () => {
    const impostor = createTestPki({ profile: 'ecdsa-brainpool', now });
    expect(impostor.csca.certificate.subject.isEqual(utopia.csca.certificate.subject)).toBe(true);
    const file = join(folder, 'master-list.ml');
    await writeFile(file, aMasterList([utopia], impostor));

    await expect(loadCscaTrustStore(file)).rejects.toThrow('master-list.ml: the master list\'s signer was not issued and signed by a CSCA on the list');
  });

  it('refuses to load a folder holding a file that is no certificate, naming the file', async () => {
    await writeFile(join(folder, 'utopia.pem'), toPem('CERTIFICATE', der(utopia)));
    await writeFile(join(folder, 'notes.txt'), 'not a certificate');

    await expect(loadCscaTrustStore(folder)).rejects.toThrow('notes.txt is not a certificate, CRL or master list');
  });

  it('refuses an empty folder: no CSCA would be trusted', async () => {
    await expect(loadCscaTrustStore(folder)).rejects.toThrow('holds no CSCA certificate');
  });
});

/** A master list signed by a Master List Signer that `issuer` (by default the first CSCA on it) issued. */
function aMasterList(states: readonly TestPki[], issuer: TestPki = states[0]): Uint8Array {
  const signer = issueCertificate({
    commonName: 'test Master List Signer',
    notBefore: new Date(now.getTime() - 30 * DAY_MS),
    notAfter: new Date(now.getTime() + 365 * DAY_MS),
    key: generateTestKey('ecdsa-p256'),
    issuer: issuer.csca,
    isCa: false,
  });
  return buildMasterList(signer, states.map((state) => state.csca.certificate), now);
}
