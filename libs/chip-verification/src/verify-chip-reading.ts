import { createHash } from 'node:crypto';
import { CHIP_STEPS, type ChipStepName, factsFromMrz, type ParsedMrz } from '@kluis/document-domain';
import type * as pkijs from 'pkijs';
import { ChipFailure } from './chip-failure';
import type { ChipCertificateSummary, ChipStep, ChipVerdict } from './chip-verdict';
import { mrzOfDg1 } from './data-groups/dg1-mrz';
import { checkSignature, signerCertificate, signingTime } from './sod/cms-signer';
import { sameBytes } from './sod/der';
import { readEfSod, type EfSod } from './sod/ef-sod';
import type { CscaTrustStore } from './trust-store/csca-trust-store';
import { distinguishedName } from './trust-store/distinguished-name';

/** What the app read from the chip: EF.SOD and the data groups, by number. */
export interface ChipReading {
  readonly sod: Uint8Array;
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
}

/**
 * ICAO 9303 Part 11 passive authentication. Every step runs that can, so a reviewer sees all that is wrong, not
 * only the first thing; the verdict's failure is the first failed step. Pure: the trust store and the time come in.
 */
/** `mrzSpecimens`: whether DG1 may carry the ICAO specimen state `UTO`, as the MRZ reader allows for typed zones. */
export function verifyChipReading(reading: ChipReading, trustStore: CscaTrustStore, now: Date, { mrzSpecimens }: { mrzSpecimens: boolean }): ChipVerdict {
  const steps = new Map<ChipStepName, ChipStep>();
  const run = <T>(step: ChipStepName, check: () => { value: T; detail: string }): T | undefined => {
    try {
      const { value, detail } = check();
      steps.set(step, { step, outcome: 'passed', code: null, detail });
      return value;
    } catch (error) {
      if (!(error instanceof ChipFailure)) throw error;
      steps.set(step, { step, outcome: 'failed', code: error.code, detail: error.message });
      return undefined;
    }
  };

  const sod = run('sod-structure', () => {
    const parsed = readEfSod(reading.sod);
    return { value: { sod: parsed, signer: signerCertificate(parsed) }, detail: 'EF.SOD is a CMS SignedData over an LDS security object' };
  });
  const signedAt = sod ? run('sod-signature', () => ({ value: signatureTime(sod.sod), detail: "signature verified with the Document Signer's key" })) : undefined;
  if (sod && steps.get('sod-signature')?.outcome === 'passed') {
    const at = signedAt ?? now;
    run('signer-validity', () => ({ value: checkValidity(sod.signer, at), detail: `valid on ${at.toISOString()}${signedAt ? ' (signing time)' : ' (no signing time: now)'}` }));
  }
  const csca = sod ? run('csca-chain', () => chainToCsca(sod.signer, trustStore)) : undefined;
  if (sod && csca) run('revocation', () => checkRevocation(sod.signer, csca, trustStore, now));
  if (sod) run('data-group-hashes', () => checkHashes(sod.sod, reading.dataGroups));
  const mrz = run('dg1-mrz', () => readDg1(reading.dataGroups, now, mrzSpecimens));

  const ordered = CHIP_STEPS.map(
    (step): ChipStep => steps.get(step) ?? { step, outcome: 'not-checked', code: null, detail: 'an earlier step failed' },
  );
  const firstFailure = ordered.find((step) => step.outcome === 'failed');
  return {
    passed: ordered.every((step) => step.outcome === 'passed'),
    failure: firstFailure?.code ? { code: firstFailure.code, message: firstFailure.detail } : null,
    steps: ordered,
    signedAt: signedAt ? signedAt.toISOString() : null,
    documentSigner: sod ? summary(sod.signer) : null,
    csca: csca ? summary(csca) : null,
    hashAlgorithm: sod?.sod.lds.hashAlgorithm ?? null,
    signedDataGroups: sod ? [...sod.sod.lds.dataGroupHashes.keys()].sort((a, b) => a - b) : [],
    mrz: mrz ?? null,
    facts: mrz ? factsFromMrz(mrz) : null,
  };
}

function signatureTime(sod: EfSod): Date | null {
  checkSignature(sod, signerCertificate(sod));
  return signingTime(sod);
}

function checkValidity(signer: pkijs.Certificate, at: Date): null {
  if (at < signer.notBefore.value || at > signer.notAfter.value) {
    throw new ChipFailure(
      'CHIP.DSC_EXPIRED',
      `the Document Signer certificate is valid from ${signer.notBefore.value.toISOString()} to ${signer.notAfter.value.toISOString()}, not on ${at.toISOString()}`,
    );
  }
  return null;
}

function chainToCsca(signer: pkijs.Certificate, trustStore: CscaTrustStore): { value: pkijs.Certificate; detail: string } {
  const csca = trustStore.issuerOf(signer);
  if (csca === undefined) {
    throw new ChipFailure('CHIP.UNKNOWN_CSCA', `no trusted CSCA issued and signed the Document Signer (issuer ${distinguishedName(signer.issuer)})`);
  }
  return { value: csca, detail: `issued and signed by ${distinguishedName(csca.subject)}` };
}

function checkRevocation(signer: pkijs.Certificate, csca: pkijs.Certificate, trustStore: CscaTrustStore, now: Date) {
  const crls = trustStore.crlsOf(csca);
  const revoked = crls.some((crl) =>
    (crl.revokedCertificates ?? []).some(
      (entry) => entry.userCertificate.isEqual(signer.serialNumber) && entry.revocationDate.value <= now,
    ),
  );
  if (revoked) throw new ChipFailure('CHIP.DSC_REVOKED', "the CSCA's revocation list names the Document Signer certificate");
  return { value: null, detail: crls.length === 0 ? 'no revocation list configured for this CSCA' : `not on the CSCA's ${crls.length} revocation list(s)` };
}

function checkHashes(sod: EfSod, dataGroups: ReadonlyMap<number, Uint8Array>) {
  for (const [dataGroup, bytes] of [...dataGroups].sort(([a], [b]) => a - b)) {
    const signed = sod.lds.dataGroupHashes.get(dataGroup);
    if (signed === undefined) throw new ChipFailure('CHIP.DATA_GROUP_NOT_SIGNED', `DG${dataGroup} was sent but the SOD does not sign it`);
    if (!sameBytes(createHash(sod.lds.hashAlgorithm).update(bytes).digest(), signed)) {
      throw new ChipFailure('CHIP.HASH_MISMATCH', `DG${dataGroup} does not hash to the value the SOD signs`);
    }
  }
  const numbers = [...dataGroups.keys()].sort((a, b) => a - b).map((number) => `DG${number}`);
  return { value: null, detail: `${numbers.join(', ')} hash (${sod.lds.hashAlgorithm}) to the values the SOD signs` };
}

function readDg1(dataGroups: ReadonlyMap<number, Uint8Array>, now: Date, specimens: boolean): { value: ParsedMrz; detail: string } {
  const dg1 = dataGroups.get(1);
  if (dg1 === undefined) throw new ChipFailure('CHIP.DG1_MISSING', 'DG1, which holds the MRZ, was not sent');
  const mrz = mrzOfDg1(dg1, now, specimens);
  return { value: mrz, detail: `${mrz.format} MRZ read, every check digit valid` };
}

function summary(certificate: pkijs.Certificate): ChipCertificateSummary {
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
  };
}
