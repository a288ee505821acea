import {
  aChipReading,
  createTestPki,
  dg1FromMrz,
  generateTestKey,
  ICAO_TD1_SPECIMEN,
  ICAO_TD3_SPECIMEN,
  issueCrl,
  issueDocumentSigner,
  type SigningProfile,
  type TestPki,
} from '@kluis/chip-verification/testing';
import type { ChipVerdict } from './chip-verdict';
import { CscaTrustStore } from './trust-store/csca-trust-store';
import { verifyChipReading } from './verify-chip-reading';

const now = new Date('2026-12-07T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const outcomes = (verdict: ChipVerdict) => Object.fromEntries(verdict.steps.map((step) => [step.step, step.outcome]));

// Key generation is the slow part (RSA): one PKI per profile serves every test.
const pkis = new Map<SigningProfile, TestPki>();
const pkiFor = (profile: SigningProfile) => {
  if (!pkis.has(profile)) pkis.set(profile, createTestPki({ profile, now }));
  return pkis.get(profile) as TestPki;
};

describe('passive authentication of a genuine chip', () => {
  it.each<SigningProfile>(['rsa', 'rsa-pss', 'ecdsa-brainpool', 'ecdsa-p256'])('verifies a reading signed with %s', (profile) => {
    const pki = pkiFor(profile);
    const verdict = verifyChipReading(aChipReading(pki, now, { withFace: true }), pki.trustStore, now, { mrzSpecimens: true });

    expect(verdict.failure).toBeNull();
    expect(verdict.passed).toBe(true);
    expect(verdict.steps.map((step) => step.outcome)).toEqual(Array(7).fill('passed'));
    expect(verdict.signedDataGroups).toEqual([1, 2]);
    expect(verdict.csca?.subject).toBe(`C=UT, CN=UT test CSCA ${profile}`);
  });

  it('reads the identity facts from the TD3 specimen in DG1', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const verdict = verifyChipReading(aChipReading(pki, now, { mrz: ICAO_TD3_SPECIMEN }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.facts).toEqual({
      documentNumber: 'L898902C3',
      issuingCountry: 'UTO',
      holderName: 'ANNA MARIA ERIKSSON',
      dateOfBirth: '1974-08-12',
      expiresOn: '2012-04-15',
    });
  });

  it('reads the TD1 specimen of an ID card', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const verdict = verifyChipReading(aChipReading(pki, now, { mrz: ICAO_TD1_SPECIMEN }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.mrz?.format).toBe('TD1');
    expect(verdict.facts?.documentNumber).toBe('D23145890');
  });

  it('refuses a genuine chip of the ICAO specimen state where specimens are off, as in production', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const verdict = verifyChipReading(aChipReading(pki, now, { mrz: ICAO_TD3_SPECIMEN }), pki.trustStore, now, { mrzSpecimens: false });
    expect(verdict.passed).toBe(false);
    expect(verdict.failure?.code).toBe('CHIP.DG1_MRZ_INVALID');
    expect(verdict.failure?.message).toContain("'UTO' is the ICAO specimen state");
  });

  it('finds the Document Signer among extra certificates the SOD carries', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const other = createTestPki({ profile: 'ecdsa-p256', now });
    const reading = aChipReading(pki, now, { extraCertificates: [other.dsc.certificate, other.csca.certificate, pki.csca.certificate] });
    const verdict = verifyChipReading(reading, pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure).toBeNull();
    expect(verdict.documentSigner?.subject).toBe(`C=UT, CN=${String(pki.dsc.certificate.subject.typesAndValues[1].value.valueBlock.value)}`);
  });

  it('verifies an RSA-PSS SOD from a Document Signer whose certificate its CSCA signed with PKCS#1 v1.5', () => {
    const pki = pkiFor('rsa');
    const signingWithPss = { certificate: pki.dsc.certificate, key: { ...pki.dsc.key, profile: 'rsa-pss' as const } };
    expect(verifyChipReading(aChipReading(pki, now, { signer: signingWithPss }), pki.trustStore, now, { mrzSpecimens: true }).failure).toBeNull();
  });

  it('judges the Document Signer at the signing time, not today', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const signer = issueDocumentSigner(pki.csca, now, { from: -400, to: -100 });
    const reading = aChipReading(pki, now, { signer, signingTime: new Date(now.getTime() - 200 * DAY_MS) });
    expect(verifyChipReading(reading, pki.trustStore, now, { mrzSpecimens: true }).failure).toBeNull();
  });
});

describe('passive authentication refuses', () => {
  it('a tampered DG1: CHIP.HASH_MISMATCH, though the signature still holds', () => {
    const pki = pkiFor('rsa');
    const reading = aChipReading(pki, now);
    const forged = ['P<UTOERIKSSON<<ANNE<MARIA<<<<<<<<<<<<<<<<<<<', ICAO_TD3_SPECIMEN[1]];
    reading.dataGroups.set(1, dg1FromMrz(forged));

    const verdict = verifyChipReading(reading, pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.HASH_MISMATCH');
    expect(outcomes(verdict)).toMatchObject({ 'sod-signature': 'passed', 'csca-chain': 'passed', 'data-group-hashes': 'failed' });
    expect(verdict.passed).toBe(false);
  });

  it('a data group the SOD does not sign: CHIP.DATA_GROUP_NOT_SIGNED', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const reading = aChipReading(pki, now);
    reading.dataGroups.set(3, new Uint8Array([0x63, 0x00]));
    expect(verifyChipReading(reading, pki.trustStore, now, { mrzSpecimens: true }).failure?.code).toBe('CHIP.DATA_GROUP_NOT_SIGNED');
  });

  it('a reading without DG1: CHIP.DG1_MISSING', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const reading = aChipReading(pki, now, { withFace: true });
    reading.dataGroups.delete(1);
    const verdict = verifyChipReading(reading, pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.DG1_MISSING');
    expect(verdict.facts).toBeNull();
  });

  it('a signed DG1 whose MRZ check digits fail: CHIP.DG1_MRZ_INVALID', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const badCheckDigit = [ICAO_TD3_SPECIMEN[0], ICAO_TD3_SPECIMEN[1].replace('L898902C36', 'L898902C35')];
    const verdict = verifyChipReading(aChipReading(pki, now, { mrz: badCheckDigit }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.DG1_MRZ_INVALID');
  });

  it("a Document Signer from a CSCA the vault does not trust: CHIP.UNKNOWN_CSCA", () => {
    const pki = pkiFor('ecdsa-brainpool');
    const elsewhere = createTestPki({ profile: 'ecdsa-brainpool', now, country: 'XX' });
    const verdict = verifyChipReading(aChipReading(pki, now), elsewhere.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.UNKNOWN_CSCA');
    expect(outcomes(verdict)).toMatchObject({ 'sod-signature': 'passed', 'csca-chain': 'failed', revocation: 'not-checked' });
  });

  it('a Document Signer issued by an impostor bearing a trusted CSCA’s name: CHIP.UNKNOWN_CSCA', () => {
    const genuine = pkiFor('ecdsa-brainpool');
    const impostor = createTestPki({ profile: 'ecdsa-brainpool', now });
    expect(impostor.csca.certificate.subject.isEqual(genuine.csca.certificate.subject)).toBe(true);
    expect(verifyChipReading(aChipReading(impostor, now), genuine.trustStore, now, { mrzSpecimens: true }).failure?.code).toBe('CHIP.UNKNOWN_CSCA');
  });

  it('a Document Signer that had expired when it signed: CHIP.DSC_EXPIRED', () => {
    const pki = pkiFor('rsa');
    const expired = issueDocumentSigner(pki.csca, now, { from: -3 * 365, to: -2 * 365 });
    const verdict = verifyChipReading(aChipReading(pki, now, { signer: expired }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.DSC_EXPIRED');
    expect(outcomes(verdict)).toMatchObject({ 'sod-signature': 'passed', 'signer-validity': 'failed', 'csca-chain': 'passed' });
  });

  it('without a signing time, a Document Signer expired today: CHIP.DSC_EXPIRED', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const signer = issueDocumentSigner(pki.csca, now, { from: -400, to: -100 });
    const verdict = verifyChipReading(aChipReading(pki, now, { signer, signingTime: null }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.DSC_EXPIRED');
    expect(verdict.signedAt).toBeNull();
  });

  it('a Document Signer its CSCA revoked: CHIP.DSC_REVOKED', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const crl = issueCrl(pki.csca, [pki.dsc], new Date(now.getTime() - DAY_MS));
    const trustStore = new CscaTrustStore([pki.csca.certificate], [crl]);
    expect(verifyChipReading(aChipReading(pki, now), trustStore, now, { mrzSpecimens: true }).failure?.code).toBe('CHIP.DSC_REVOKED');
  });

  it('ignores a revocation list the CSCA did not sign', () => {
    const pki = pkiFor('ecdsa-brainpool');
    const impostor = createTestPki({ profile: 'ecdsa-brainpool', now });
    const forgedCrl = issueCrl(impostor.csca, [pki.dsc], now);
    const trustStore = new CscaTrustStore([pki.csca.certificate], [forgedCrl]);
    const verdict = verifyChipReading(aChipReading(pki, now), trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure).toBeNull();
    expect(verdict.steps.find((step) => step.step === 'revocation')?.detail).toBe('no revocation list configured for this CSCA');
  });

  it("a SOD signed with a key other than the Document Signer's: CHIP.SIGNATURE_INVALID", () => {
    const pki = pkiFor('ecdsa-brainpool');
    const wrongKey = { certificate: pki.dsc.certificate, key: generateTestKey('ecdsa-brainpool') };
    const verdict = verifyChipReading(aChipReading(pki, now, { signer: wrongKey }), pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.SIGNATURE_INVALID');
    expect(outcomes(verdict)).toMatchObject({ 'sod-signature': 'failed', 'signer-validity': 'not-checked' });
  });


  it.each([
    ['cut short', (sod: Uint8Array) => sod.slice(0, sod.length - 40)],
    ['cut to its header', (sod: Uint8Array) => sod.slice(0, 4)],
    ['with trailing bytes', (sod: Uint8Array) => new Uint8Array([...sod, 0, 0])],
    ['without its 0x77 tag', (sod: Uint8Array) => new Uint8Array([0x30, ...sod.slice(1)])],
    ['empty', () => new Uint8Array(0)],
    ['random bytes', () => new Uint8Array(Array.from({ length: 300 }, (_, index) => (index * 37) % 256))],
  ])('an EF.SOD %s: CHIP.MALFORMED', (_name, damage) => {
    const pki = pkiFor('ecdsa-brainpool');
    const reading = aChipReading(pki, now);
    const verdict = verifyChipReading({ ...reading, sod: damage(reading.sod) }, pki.trustStore, now, { mrzSpecimens: true });
    expect(verdict.failure?.code).toBe('CHIP.MALFORMED');
    expect(outcomes(verdict)).toMatchObject({ 'sod-structure': 'failed', 'sod-signature': 'not-checked', 'dg1-mrz': 'passed' });
  });
});
